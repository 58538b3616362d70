package dev.aiwizard.core.job;

import dev.aiwizard.core.WizardException;

/** Generation failed; the message is fit to show to the person who asked. */
public class GenerationException extends WizardException {
    private static final long serialVersionUID = 1L;

    public GenerationException(String message) {
        super(message);
    }

    public GenerationException(String message, Throwable cause) {
        super(message, cause);
    }
}
