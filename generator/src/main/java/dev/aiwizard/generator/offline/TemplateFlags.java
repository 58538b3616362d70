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
     * {@code create}, {@code read}, ... for the spec's operations, plus {@code byId} (an endpoint takes an id),
     * {@code withBody} (one reads a body), {@code readOrUpdate} and {@code readOrList} (a record can be seen).
     */
    static Set<String> operations(Spec spec) {
        Set<String> flags = new HashSet<>();
        spec.operations().forEach(o -> flags.add(o.name().toLowerCase(Locale.ROOT)));
        Set<Operation> ops = spec.operations();
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

    /** The values of {@code a} overridden by those of {@code b}. */
    static Map<String, String> merge(Map<String, String> a, Map<String, String> b) {
        Map<String, String> all = new HashMap<>(a);
        all.putAll(b);
        return all;
    }
}
