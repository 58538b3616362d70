package dev.aiwizard.core.spec;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A thing the application manages, named in upper camel case ({@code Task}), with its fields. A {@code readOnly}
 * entity can be read and listed but not created, updated or deleted, whatever the spec's operations allow; specs
 * stored before the flag existed read as {@code false}.
 */
public record Entity(String name, List<Field> fields, boolean readOnly) {
    private static final Pattern NAME = Pattern.compile("[A-Z][A-Za-z0-9]{0,39}");

    public Entity {
        requireNonNull(name, "name");
        fields = List.copyOf(requireNonNull(fields, "fields"));
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("entity name must be upper camel case, at most 40 characters: " + name);
        }
        if (fields.stream().map(Field::name).distinct().count() != fields.size()) {
            throw new IllegalArgumentException("entity " + name + " has the same field twice");
        }
    }

    /** An entity clients may change as the spec's operations allow. */
    public Entity(String name, List<Field> fields) {
        this(name, fields, false);
    }

    /** The same entity, read-only or not. */
    public Entity withReadOnly(boolean value) {
        return new Entity(name, fields, value);
    }

    /** The same entity named {@code newName}. */
    public Entity withName(String newName) {
        return new Entity(newName, fields, readOnly);
    }

    /** The same entity with exactly {@code newFields}, in their order. */
    public Entity withOnly(List<Field> newFields) {
        return new Entity(name, newFields, readOnly);
    }

    /** The same entity with {@code extra} fields added after the existing ones (same names replace). */
    public Entity withFields(List<Field> extra) {
        var merged = new java.util.ArrayList<Field>();
        for (Field f : fields) {
            if (extra.stream().noneMatch(e -> e.name().equals(f.name()))) {
                merged.add(f);
            }
        }
        merged.addAll(extra);
        return new Entity(name, merged, readOnly);
    }
}
