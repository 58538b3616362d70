package dev.aiwizard.web;

import static java.util.Objects.requireNonNull;

/**
 * One request of a signed-in person: who, and the token their forms and scripts must send back with every request
 * that changes something ({@link Csrf}).
 */
public record Visit(Person person, String csrf) {
    public Visit {
        requireNonNull(person, "person");
        requireNonNull(csrf, "csrf");
    }
}
