package dev.aiwizard.core.spec;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/** One typed field of an entity, named in lower camel case ({@code dueDate}). */
public record Field(String name, FieldType type) {
    private static final Pattern NAME = Pattern.compile("[a-z][A-Za-z0-9]{0,39}");

    public Field {
        requireNonNull(name, "name");
        requireNonNull(type, "type");
        if (!NAME.matcher(name).matches() || "id".equals(name)) {
            throw new IllegalArgumentException("field name must be lower camel case, not 'id', at most 40 characters: " + name);
        }
    }
}
