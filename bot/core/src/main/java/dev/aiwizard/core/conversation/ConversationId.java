package dev.aiwizard.core.conversation;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.Ids;
import java.util.regex.Pattern;

/** Identifies a conversation; short, lower-case and safe in URLs and branch names. */
public record ConversationId(String value) {
    private static final Pattern FORMAT = Pattern.compile("c-[a-z0-9]{4,32}");

    public ConversationId {
        requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("not a conversation id: " + value);
        }
    }

    /** A new random id. */
    public static ConversationId random() {
        return new ConversationId("c-" + Ids.random(8));
    }

    @Override
    public String toString() {
        return value;
    }
}
