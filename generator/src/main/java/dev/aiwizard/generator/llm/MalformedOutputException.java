package dev.aiwizard.generator.llm;

/** The model kept answering with something other than what was asked (bad JSON, another file). */
final class MalformedOutputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MalformedOutputException(String message) {
        super(message);
    }
}
