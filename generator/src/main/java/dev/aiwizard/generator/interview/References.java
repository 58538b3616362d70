package dev.aiwizard.generator.interview;

import dev.aiwizard.core.spec.Entity;
import dev.aiwizard.core.spec.Field;
import dev.aiwizard.core.spec.FieldType;
import dev.aiwizard.core.spec.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns relations into reference fields: {@code Comment -> Ticket} gives each comment a {@code ticketId}, and a plain
 * field named after another entity ("a team" in a Player when there is a Team) becomes a reference too.
 */
final class References {
    private References() {
    }

    /** {@code spec} with every relation whose two entities exist as a reference field, and fields named after entities. */
    static Spec apply(Spec spec, List<Relation> relations) {
        List<Entity> entities = new ArrayList<>(spec.entities());
        for (Relation r : relations) {
            int child = indexOf(entities, r.child());
            if (child >= 0 && indexOf(entities, r.parent()) >= 0) {
                entities.set(child, link(entities.get(child), r.parent()));
            }
        }
        for (int i = 0; i < entities.size(); i++) {
            Entity e = entities.get(i);
            for (Field f : e.fields()) {
                Optional<Entity> named = entities.stream().filter(x -> !x.name().equals(e.name())
                        && lowerFirst(x.name()).equals(f.name())).findFirst();
                if (named.isPresent() && f.type() == FieldType.TEXT && f.values().isEmpty()) {
                    entities.set(i, link(entities.get(i), named.get().name()));
                }
            }
        }
        return entities.equals(spec.entities()) ? spec : spec.withEntities(entities);
    }

    /** {@code e} with a reference to {@code parent} in place of a plain field named after it, or added last. */
    private static Entity link(Entity e, String parent) {
        String plain = lowerFirst(parent);
        String ref = plain + "Id";
        if (e.fields().stream().anyMatch(f -> f.name().equals(ref))) {
            return e;
        }
        List<Field> fields = new ArrayList<>();
        boolean replaced = false;
        for (Field f : e.fields()) {
            if (f.name().equals(plain) && f.type() == FieldType.TEXT && f.values().isEmpty()) {
                fields.add(Field.reference(ref, parent));
                replaced = true;
            } else {
                fields.add(f);
            }
        }
        if (!replaced) {
            fields.add(Field.reference(ref, parent));
        }
        return e.withOnly(fields);
    }

    static String lowerFirst(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static int indexOf(List<Entity> entities, String name) {
        for (int i = 0; i < entities.size(); i++) {
            if (entities.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
