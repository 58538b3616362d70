package dev.aiwizard.generator.llm;

/**
 * The model could not answer: the provider kept failing, refused the request or the circuit breaker is open. The
 * engines fall back to the offline ones and say why; the message is fit to show and never holds a key.
 */
public final class ModelUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ModelUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
