package dev.aiwizard.core.spec;

import java.util.Locale;
import java.util.Optional;

/** The types an entity field can have, with the words people use for them. */
public enum FieldType {
    TEXT("text"),
    INTEGER("integer"),
    DECIMAL("decimal"),
    BOOLEAN("boolean"),
    DATE("date"),
    TIMESTAMP("timestamp"),
    /** Text that must be an e-mail address. */
    EMAIL("email"),
    /** Text that must be an absolute http(s) URL. */
    URL("url");

    private final String label;

    FieldType(String label) {
        this.label = label;
    }

    /** The name shown to people and written into specs. */
    public String label() {
        return label;
    }

    /** Reads a type from a word such as "string", "number", "flag" or "yes/no". */
    public static Optional<FieldType> parse(String word) {
        String w = word.trim().toLowerCase(Locale.ROOT);
        return Optional.ofNullable(switch (w) {
            case "text", "string", "str", "varchar", "name", "title" -> TEXT;
            case "email", "e-mail", "email address", "mail" -> EMAIL;
            case "url", "uri", "link", "web address", "website" -> URL;
            case "integer", "int", "long", "number", "count", "whole number" -> INTEGER;
            case "decimal", "double", "float", "money", "price", "amount", "bigdecimal" -> DECIMAL;
            case "boolean", "bool", "flag", "yes/no", "checkbox", "true/false" -> BOOLEAN;
            case "date", "day", "localdate" -> DATE;
            case "timestamp", "datetime", "time", "instant", "date-time" -> TIMESTAMP;
            default -> null;
        });
    }
}
