package dev.aiwizard.core.chat;

import static java.util.Objects.requireNonNull;

/** A person (or bot) on a chat platform: the platform's stable id and a name to show. */
public record UserRef(String id, String displayName) {
    public UserRef {
        requireNonNull(id, "id");
        requireNonNull(displayName, "displayName");
    }
}
