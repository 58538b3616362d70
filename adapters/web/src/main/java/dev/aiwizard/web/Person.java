package dev.aiwizard.web;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.chat.UserRef;

/**
 * Who is looking at a page: a GitHub user ({@code login}), or the single local user of an install without sign-in
 * ({@code local}); {@code admin} as the core's admin policy says (the local user is the operator, so an admin).
 */
public record Person(String login, String name, boolean admin, boolean local) {
    /** The local user's login; not a GitHub login (those have no {@code .}), so no one can sign in as them. */
    public static final String LOCAL_LOGIN = "local.operator";

    public Person {
        requireNonNull(login, "login");
        requireNonNull(name, "name");
    }

    /** The person as the core knows people of the web: their login is their id. */
    public UserRef user() {
        return new UserRef(login, name);
    }
}
