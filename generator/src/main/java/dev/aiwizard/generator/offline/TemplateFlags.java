package dev.aiwizard.generator.offline;

import dev.aiwizard.core.spec.Operation;
import dev.aiwizard.core.spec.Spec;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The section flags of every stack's templates: one per operation, groups of them, and whether an entity has fields. */
final class TemplateFlags {
    private TemplateFlags() {
    }

    /**
     * {@code create}, {@code read}, ... for the spec's operations, {@code seeded} when some entity cannot be created,
     * plus {@code byId} (an endpoint takes an id),
     * {@code withBody} (one reads a body), {@code readOrUpdate} and {@code readOrList} (a record can be seen).
     */
    static Set<String> operations(Spec spec) {
        Set<String> flags = new HashSet<>(operations(spec.operations()));
        // Read-only entities are seeded: the server starts with one example of each (and of what they refer to).
        add(flags, "seeded", spec.entities().stream().anyMatch(e -> !spec.operationsOf(e).contains(Operation.CREATE)));
        return Set.copyOf(flags);
    }

    /** The operation flags of one entity: the spec's, without create, update and delete when it is read-only. */
    static Set<String> operations(Spec spec, EntityModel e) {
        return operations(spec.operationsOf(e.entity()));
    }

    private static Set<String> operations(Set<Operation> ops) {
        Set<String> flags = new HashSet<>();
        ops.forEach(o -> flags.add(o.name().toLowerCase(Locale.ROOT)));
        if (ops.contains(Operation.READ) || ops.contains(Operation.UPDATE) || ops.contains(Operation.DELETE)) {
            flags.add("byId");
        }
        if (ops.contains(Operation.CREATE) || ops.contains(Operation.UPDATE)) {
            flags.add("withBody");
        }
        if (ops.contains(Operation.READ) || ops.contains(Operation.UPDATE)) {
            flags.add("readOrUpdate");
        }
        if (ops.contains(Operation.READ) || ops.contains(Operation.LIST)) {
            flags.add("readOrList");
        }
        return Set.copyOf(flags);
    }

    /** {@code flags} plus {@code hasFields} when the entity has any. */
    static Set<String> forEntity(Set<String> flags, EntityModel e) {
        Set<String> all = new HashSet<>(flags);
        if (!e.fields().isEmpty()) {
            all.add("hasFields");
        }
        return all;
    }

    /**
     * {@link #forEntity(Set, EntityModel)} plus what the spec's rules ask of this entity: {@code hasReferences} (it
     * refers to other entities), {@code checksReferences} (its bodies are checked for them), {@code hasOutside} (a
     * field allows only some values of its type), {@code nested} (other entities are listed under it),
     * {@code hasRelated} (its routes use other repositories), {@code checksReadOnly} (an update may not change its
     * read-only fields) and the groups the templates' imports need.
     */
    static Set<String> forEntity(Set<String> flags, EntityModel e, Relations relations) {
        Set<String> all = new HashSet<>(forEntity(flags, e));
        boolean references = !relations.of(e).isEmpty();
        boolean checks = references && flags.contains("withBody");
        boolean outside = !FieldRules.outside(e).isEmpty();
        boolean nested = flags.contains("list") && !relations.children(e).isEmpty();
        add(all, "hasReferences", references);
        add(all, "checksReferences", checks);
        add(all, "hasOutside", outside);
        add(all, "testsOutside", outside && flags.contains("create"));
        add(all, "nested", nested);
        // A nested listing takes the parent's id from the path.
        add(all, "byId", nested || flags.contains("byId"));
        add(all, "hasRelated", checks || nested);
        add(all, "byIdOrReferences", all.contains("byId") || checks);
        // A read-only field is set on create; an update that would change it is refused (422).
        boolean locks = flags.contains("update") && e.fields().stream().anyMatch(f -> f.field().readOnly());
        add(all, "checksReadOnly", locks);
        add(all, "readOnlyEntity", e.entity().readOnly());
        add(all, "testsReadOnly", locks && e.fields().stream().anyMatch(f -> f.field().readOnly() && FieldRules.canChange(f.field())));
        add(all, "collects", checks || locks);
        add(all, "arguments", all.contains("testsReadOnly") || (outside && flags.contains("create")));
        add(all, "parameterized", checks || all.contains("testsReadOnly") || (outside && flags.contains("create")));
        return Set.copyOf(all);
    }

    private static void add(Set<String> flags, String flag, boolean when) {
        if (when) {
            flags.add(flag);
        }
    }

    /** The values of {@code a} overridden by those of {@code b}. */
    static Map<String, String> merge(Map<String, String> a, Map<String, String> b) {
        Map<String, String> all = new HashMap<>(a);
        all.putAll(b);
        return all;
    }
}
