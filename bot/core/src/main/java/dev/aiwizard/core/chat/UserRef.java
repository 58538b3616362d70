package dev.aiwizard.core.chat;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * A person (or bot) on a chat platform: the platform's stable id, a name to show, and the roles the platform says
 * the person holds where it has any (Discord role ids and names), so the core can tell a configured admin.
 */
public record UserRef(String id, String displayName, Set<String> roles) {
    public UserRef {
        requireNonNull(id, "id");
        requireNonNull(displayName, "displayName");
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    /** A person without platform roles. */
    public UserRef(String id, String displayName) {
        this(id, displayName, Set.of());
    }
}
