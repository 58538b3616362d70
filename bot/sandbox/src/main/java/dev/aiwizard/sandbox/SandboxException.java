package dev.aiwizard.sandbox;

import dev.aiwizard.core.WizardException;

/** An unexpected failure around a sandbox run (a scratch copy that cannot be written, a process that cannot start). */
public class SandboxException extends WizardException {
    private static final long serialVersionUID = 1L;

    public SandboxException(String message, Throwable cause) {
        super(message, cause);
    }
}
