package dev.aiwizard.core.chat;

import static java.util.Objects.requireNonNull;

/** A likely answer offered with a message: a button on platforms that have them, a hint in text elsewhere. */
public record Choice(String label, String value) {
    public Choice {
        requireNonNull(label, "label");
        requireNonNull(value, "value");
    }

    /** A choice whose label is also the text sent back. */
    public static Choice of(String value) {
        return new Choice(value, value);
    }
}
