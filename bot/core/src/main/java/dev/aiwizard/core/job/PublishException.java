package dev.aiwizard.core.job;

import dev.aiwizard.core.WizardException;

/** Delivery failed; the message is fit to show to the person who asked. */
public class PublishException extends WizardException {
    private static final long serialVersionUID = 1L;

    public PublishException(String message) {
        super(message);
    }

    public PublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
