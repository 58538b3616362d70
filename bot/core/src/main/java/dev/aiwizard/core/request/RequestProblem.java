package dev.aiwizard.core.request;

import static java.util.Objects.requireNonNull;

/** Why one part of a request cannot be used: the field ({@code idea}, {@code stack} …) and what is wrong with it. */
public record RequestProblem(String field, String detail) {
    public RequestProblem {
        requireNonNull(field, "field");
        requireNonNull(detail, "detail");
    }
}
