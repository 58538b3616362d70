package dev.aiwizard.core.access;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.chat.UserRef;

/**
 * Who made a request: a person (a personal API token's owner), or the operator ({@code WIZARD_API_TOKEN}, or a direct
 * caller on the bot's own machine while no token is configured), who may act for everyone.
 */
public record Principal(UserRef user, boolean operator) {
    /** The operator's name in conversations, audit trails and rate limits. */
    public static final String OPERATOR_ID = "operator";

    public Principal {
        requireNonNull(user, "user");
    }

    /** The operator, acting as itself. */
    public static Principal operatorItself() {
        return new Principal(new UserRef(OPERATOR_ID, "operator"), true);
    }

    /** A person acting only for themselves. */
    public static Principal person(UserRef user) {
        return new Principal(user, false);
    }

    /** Whether this caller may act on something {@code ownerId} owns. */
    public boolean mayActFor(String ownerId) {
        return operator || user.id().equals(ownerId);
    }
}
