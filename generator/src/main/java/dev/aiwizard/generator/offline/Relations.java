package dev.aiwizard.generator.offline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which references between the spec's entities the generated code checks, and which nested listings it offers.
 * A reference is checked when it names another entity of the spec that does not (directly or through others) refer
 * back: with a cycle or a self-reference the first record could never be created. A checked reference gives its
 * target a nested listing ({@code GET /tickets/{id}/comments}) unless the child refers to that target twice
 * (a match's home and away team), where "the team's matches" would not say which.
 */
final class Relations {
    /** A checked reference: {@code field} of {@code owner} holds the id of a {@code target} record. */
    record Reference(EntityModel owner, EntityModel.FieldModel field, EntityModel target) {
    }

    private final List<EntityModel> entities;
    private final Map<String, EntityModel> byName = new HashMap<>();
    private final List<Reference> references = new ArrayList<>();

    Relations(List<EntityModel> entities) {
        this.entities = List.copyOf(entities);
        entities.forEach(e -> byName.put(e.name(), e));
        for (EntityModel e : entities) {
            for (EntityModel.FieldModel f : e.fields()) {
                EntityModel target = f.field().isReference() ? byName.get(f.field().references()) : null;
                if (target != null && !reaches(target, e.name(), new LinkedHashSet<>())) {
                    references.add(new Reference(e, f, target));
                }
            }
        }
    }

    /** The checked references of {@code owner}'s fields, in field order. */
    List<Reference> of(EntityModel owner) {
        return references.stream().filter(r -> r.owner() == owner).toList();
    }

    /** Whether {@code field} of {@code owner} is a checked reference. */
    boolean isChecked(EntityModel owner, EntityModel.FieldModel field) {
        return references.stream().anyMatch(r -> r.owner() == owner && r.field() == field);
    }

    /** The nested listings under {@code target}: one per child entity that refers to it exactly once. */
    List<Reference> children(EntityModel target) {
        return references.stream()
                .filter(r -> r.target() == target)
                .filter(r -> references.stream().filter(o -> o.owner() == r.owner() && o.target() == target).count() == 1)
                .toList();
    }

    /**
     * The other entities whose repositories {@code e}'s routes use under the operation {@code flags}: the targets of
     * its checked references when it reads bodies, then the children it lists.
     */
    List<EntityModel> used(EntityModel e, Set<String> flags) {
        Set<EntityModel> used = new LinkedHashSet<>();
        if (flags.contains("withBody")) {
            of(e).forEach(r -> used.add(r.target()));
        }
        if (flags.contains("list")) {
            children(e).forEach(r -> used.add(r.owner()));
        }
        return List.copyOf(used);
    }

    /** The entities with every checked target before the entities referring to it, for seeding records in order. */
    List<EntityModel> seedOrder() {
        return seedOrder(e -> true);
    }

    /** The {@code seeded} entities and what they refer to, each checked target first: the records a server starts with. */
    List<EntityModel> seedOrder(java.util.function.Predicate<EntityModel> seeded) {
        List<EntityModel> ordered = new ArrayList<>();
        Set<EntityModel> visiting = new LinkedHashSet<>();
        entities.stream().filter(seeded).forEach(e -> visit(e, ordered, visiting));
        return ordered;
    }

    private void visit(EntityModel e, List<EntityModel> ordered, Set<EntityModel> visiting) {
        if (ordered.contains(e) || !visiting.add(e)) {
            return;
        }
        of(e).forEach(r -> visit(r.target(), ordered, visiting));
        ordered.add(e);
    }

    /** Whether {@code from} refers, directly or through other entities, to the entity called {@code name}. */
    private boolean reaches(EntityModel from, String name, Set<String> seen) {
        if (from.name().equals(name)) {
            return true;
        }
        if (!seen.add(from.name())) {
            return false;
        }
        for (EntityModel.FieldModel f : from.fields()) {
            EntityModel next = f.field().isReference() ? byName.get(f.field().references()) : null;
            if (next != null && reaches(next, name, seen)) {
                return true;
            }
        }
        return false;
    }
}
