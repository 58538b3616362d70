package dev.aiwizard.core;

/**
 * Root of the unchecked exceptions the product throws for unexpected failures.
 * Modules subclass it and wrap their libraries' checked exceptions, so callers catch one family at the edge.
 */
public class WizardException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public WizardException(String message) {
        super(message);
    }

    public WizardException(String message, Throwable cause) {
        super(message, cause);
    }
}
