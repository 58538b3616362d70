package dev.aiwizard.core;

/** The store failed unexpectedly (unreachable database, broken SQL); wraps the driver's exception. */
public class StorageException extends WizardException {
    private static final long serialVersionUID = 1L;

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }

    public StorageException(String message) {
        super(message);
    }
}
