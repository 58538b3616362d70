package dev.aiwizard.generator.stack;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One stack the generator can build: its {@code id} (stored in specs), a {@code label} shown as a choice, the words
 * people use for it, the persistence options it supports (the first is the default) and its test command.
 */
public record StackOption(String id, String label, List<String> keywords, List<String> persistence, String testCommand) {
    public StackOption {
        requireNonNull(id, "id");
        requireNonNull(label, "label");
        keywords = List.copyOf(requireNonNull(keywords, "keywords"));
        persistence = List.copyOf(requireNonNull(persistence, "persistence"));
        requireNonNull(testCommand, "testCommand");
        if (persistence.isEmpty()) {
            throw new IllegalArgumentException("stack " + id + " needs at least one persistence option");
        }
    }
}
