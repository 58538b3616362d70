package dev.aiwizard.core.conversation;

import dev.aiwizard.core.WizardException;

/**
 * A turn's writes name a chat event that another turn already committed (a redelivery that raced the first); the
 * writes were not stored, and the caller drops the turn.
 */
public final class DuplicateEventException extends WizardException {
    private static final long serialVersionUID = 1L;

    public DuplicateEventException(String eventKey) {
        super("event " + eventKey + " was already handled");
    }
}
