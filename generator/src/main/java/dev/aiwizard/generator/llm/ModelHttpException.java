package dev.aiwizard.generator.llm;

import dev.langchain4j.exception.HttpException;
import java.time.Duration;
import java.util.Optional;

/** A model server answered with an error status; keeps the {@code Retry-After} it asked for, if any. */
final class ModelHttpException extends HttpException {
    private static final long serialVersionUID = 1L;

    private final transient Duration retryAfter;

    ModelHttpException(int statusCode, String body, Duration retryAfter) {
        super(statusCode, body);
        this.retryAfter = retryAfter;
    }

    /** How long the server asked us to wait before the next call. */
    Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
