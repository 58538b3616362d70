package dev.aiwizard.core.spec;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One typed field of an entity, named in lower camel case ({@code dueDate}), with what the generated code checks:
 * {@code references} names the entity whose id an integer field holds ({@code ticketId} of a Comment), {@code values}
 * the allowed values of a text field (an enumeration), {@code min} and {@code max} the range of a number, and a
 * {@code readOnly} field is set when a record is created and cannot be changed afterwards. Each is {@code null},
 * empty or {@code false} when not set, so specs stored before these existed read as plain fields.
 */
public record Field(String name, FieldType type, String references, List<String> values, Long min, Long max,
                    boolean readOnly) {
    private static final Pattern NAME = Pattern.compile("[a-z][A-Za-z0-9]{0,39}");
    private static final Pattern ENTITY = Pattern.compile("[A-Z][A-Za-z0-9]{0,39}");
    private static final Pattern VALUE = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} _./+-]{0,39}");
    private static final int MAX_VALUES = 30;

    public Field {
        requireNonNull(name, "name");
        requireNonNull(type, "type");
        values = values == null ? List.of() : List.copyOf(values);
        if (!NAME.matcher(name).matches() || "id".equals(name)) {
            throw new IllegalArgumentException("field name must be lower camel case, not 'id', at most 40 characters: " + name);
        }
        if (references != null && (type != FieldType.INTEGER || !ENTITY.matcher(references).matches())) {
            throw new IllegalArgumentException("a reference is an integer field naming an entity: " + name);
        }
        if (!values.isEmpty() && (type != FieldType.TEXT || values.size() > MAX_VALUES
                || new HashSet<>(values).size() != values.size() || !values.stream().allMatch(v -> VALUE.matcher(v).matches()))) {
            throw new IllegalArgumentException("allowed values are distinct short words of a text field: " + name);
        }
        if ((min != null || max != null) && type != FieldType.INTEGER && type != FieldType.DECIMAL) {
            throw new IllegalArgumentException("only numbers have a range: " + name);
        }
        if (min != null && max != null && min > max) {
            throw new IllegalArgumentException("the range of " + name + " is empty: " + min + " to " + max);
        }
    }

    /** A field that can be changed, with the rules of its type. */
    public Field(String name, FieldType type, String references, List<String> values, Long min, Long max) {
        this(name, type, references, values, min, max, false);
    }

    /** A plain field of {@code type}. */
    public Field(String name, FieldType type) {
        this(name, type, null, List.of(), null, null);
    }

    /** An integer field holding the id of an {@code entity} record. */
    public static Field reference(String name, String entity) {
        return new Field(name, FieldType.INTEGER, entity, List.of(), null, null);
    }

    /** A text field whose value is one of {@code values}. */
    public static Field oneOf(String name, List<String> values) {
        return new Field(name, FieldType.TEXT, null, values, null, null);
    }

    /** The same field named {@code newName}. */
    public Field withName(String newName) {
        return new Field(newName, type, references, values, min, max, readOnly);
    }

    /** The same field, read-only (set on create, never changed) or not. */
    public Field withReadOnly(boolean value) {
        return new Field(name, type, references, values, min, max, value);
    }

    /** The same field as text whose value is one of {@code allowed}. */
    public Field withValues(List<String> allowed) {
        return new Field(name, FieldType.TEXT, null, allowed, null, null, readOnly);
    }

    /** The same field as a number between {@code from} and {@code to} (either may be null); text becomes integer. */
    public Field withRange(Long from, Long to) {
        FieldType numeric = type == FieldType.DECIMAL ? FieldType.DECIMAL : FieldType.INTEGER;
        return new Field(name, numeric, null, List.of(), from, to, readOnly);
    }

    /** The same field with {@code newType}: what only fits the old type (values, range, reference) is dropped. */
    public Field withType(FieldType newType) {
        boolean numeric = newType == FieldType.INTEGER || newType == FieldType.DECIMAL;
        return new Field(name, newType, newType == FieldType.INTEGER ? references : null,
                newType == FieldType.TEXT ? values : List.of(), numeric ? min : null, numeric ? max : null, readOnly);
    }

    /** Whether the field holds the id of another entity's record. */
    public boolean isReference() {
        return references != null;
    }

    /**
     * How people read the type: "text", "one of low, normal, high", "integer from 1 to 5", "id of a Ticket", with
     * ", read-only" after it when the field cannot be changed.
     */
    public String describe() {
        return readOnly ? describeType() + ", read-only" : describeType();
    }

    /** The type and its rules alone, without whether the field can change. */
    public String describeType() {
        if (references != null) {
            return "id of a " + references;
        }
        if (!values.isEmpty()) {
            return "one of " + String.join(", ", values);
        }
        if (min != null && max != null) {
            return type.label() + " from " + min + " to " + max;
        }
        if (min != null) {
            return type.label() + " of at least " + min;
        }
        if (max != null) {
            return type.label() + " of at most " + max;
        }
        return type.label();
    }
}
