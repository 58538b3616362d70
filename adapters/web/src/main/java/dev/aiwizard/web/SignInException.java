package dev.aiwizard.web;

import dev.aiwizard.core.WizardException;

/** Signing in with GitHub failed for a reason of GitHub's or the network's, not the person's. */
final class SignInException extends WizardException {
    SignInException(String message) {
        super(message);
    }

    SignInException(String message, Throwable cause) {
        super(message, cause);
    }
}
