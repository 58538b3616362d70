package dev.aiwizard.generator.offline;

import dev.aiwizard.core.spec.Field;
import dev.aiwizard.core.spec.FieldType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the spec asks of one field's values beyond its type (allowed values, a range, an e-mail or URL format, a
 * reference), in the words both stacks use: example values that keep to it, a value that breaks it for the tests,
 * and how the docs describe it.
 */
final class FieldRules {
    /** Every example record refers to the first record of the referenced entity, which tests and seeds create first. */
    static final String REFERENCED_ID = "1";

    private FieldRules() {
    }

    /** Example value {@code n} (1 or 2) of {@code f}, raw (no quotes), keeping to what the field allows. */
    static String sample(Templates templates, EntityModel.FieldModel f, int n) {
        Field field = f.field();
        if (field.readOnly() && n == 2) {
            // The update example keeps what a read-only field was created with.
            return sample(templates, f, 1);
        }
        if (field.isReference()) {
            return REFERENCED_ID;
        }
        if (!field.values().isEmpty()) {
            return field.values().get(n == 1 ? 0 : Math.min(1, field.values().size() - 1));
        }
        String plain = templates.snippet("field.sample." + n + "." + field.type().name(), Map.of("words", f.words()));
        if (!hasRange(field)) {
            return plain;
        }
        BigDecimal value = inRange(field, new BigDecimal(plain)) ? new BigDecimal(plain)
                : BigDecimal.valueOf(clamp(field, new BigDecimal(plain).longValue()));
        if (n == 2 && value.compareTo(new BigDecimal(sample(templates, f, 1))) == 0) {
            // Keep the update example different from the create one where the range leaves room.
            BigDecimal below = value.subtract(BigDecimal.ONE);
            BigDecimal above = value.add(BigDecimal.ONE);
            value = inRange(field, below) ? below : inRange(field, above) ? above : value;
        }
        String text = value.toPlainString();
        return field.type() == FieldType.DECIMAL && !text.contains(".") ? text + ".0" : text;
    }

    /**
     * A value of a read-only field other than the one it is created with (raw, like {@link #sample}), which an
     * update must not bring in; for a reference, an id no record has (the read-only rule is checked first). Empty
     * when the field's rules allow no other value (a single allowed value, a one-number range).
     */
    static Optional<String> changed(Templates templates, EntityModel.FieldModel f) {
        Field field = f.field();
        if (field.isReference()) {
            return Optional.of("2");
        }
        EntityModel.FieldModel free = new EntityModel.FieldModel(field.withReadOnly(false), f.java(), f.words());
        return canChange(field) ? Optional.of(sample(templates, free, 2)) : Optional.empty();
    }

    /** Whether the field's rules allow a second value (the second example differs from the first exactly then). */
    static boolean canChange(Field field) {
        if (field.isReference()) {
            return true;
        }
        if (!field.values().isEmpty()) {
            return field.values().size() > 1;
        }
        return field.min() == null || field.max() == null || field.min() < field.max();
    }

    /**
     * A JSON value of the right type that the field refuses ({@code "maybe?"} for allowed values, one past the
     * range, an address without {@code @}, a URL without a scheme), or empty when any value of the type is fine.
     */
    static Optional<String> outsideJson(Field field) {
        if (!field.values().isEmpty()) {
            // '?' is never part of an allowed value, so this one is never allowed.
            return Optional.of("\"maybe?\"");
        }
        if (field.max() != null && field.max() < Long.MAX_VALUE) {
            return Optional.of(String.valueOf(field.max() + 1));
        }
        if (field.min() != null && field.min() > Long.MIN_VALUE) {
            return Optional.of(String.valueOf(field.min() - 1));
        }
        return switch (field.type()) {
            case EMAIL -> Optional.of("\"ana.example.com\"");
            case URL -> Optional.of("\"example.com/one\"");
            default -> Optional.empty();
        };
    }

    /** What docs/api.md adds to the type: "one of `low`, `normal`, `high`", "from 1 to 5", "id of a ticket". */
    static String describe(EntityModel.FieldModel f, boolean checkedReference, String targetWords) {
        Field field = f.field();
        if (field.isReference()) {
            return checkedReference ? "the id of a stored " + targetWords + " (422 when there is none)"
                    : "the id of a " + targetWords;
        }
        if (!field.values().isEmpty()) {
            return "one of " + String.join(", ", field.values().stream().map(v -> "`" + v + "`").toList());
        }
        if (field.min() != null && field.max() != null) {
            return "from " + field.min() + " to " + field.max();
        }
        if (field.min() != null) {
            return "at least " + field.min();
        }
        if (field.max() != null) {
            return "at most " + field.max();
        }
        return "";
    }

    /** The fields of {@code e} with a value rule the validator checks, with a value that breaks it. */
    static List<Map.Entry<EntityModel.FieldModel, String>> outside(EntityModel e) {
        return e.fields().stream()
                .flatMap(f -> outsideJson(f.field()).map(v -> Map.entry(f, v)).stream())
                .toList();
    }

    private static boolean hasRange(Field field) {
        return field.min() != null || field.max() != null;
    }

    private static boolean inRange(Field field, BigDecimal value) {
        return (field.min() == null || value.compareTo(BigDecimal.valueOf(field.min())) >= 0)
                && (field.max() == null || value.compareTo(BigDecimal.valueOf(field.max())) <= 0);
    }

    private static long clamp(Field field, long value) {
        long v = field.min() == null ? value : Math.max(field.min(), value);
        return field.max() == null ? v : Math.min(field.max(), v);
    }
}
