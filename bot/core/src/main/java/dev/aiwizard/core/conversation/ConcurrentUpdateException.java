package dev.aiwizard.core.conversation;

import dev.aiwizard.core.WizardException;

/** Another writer saved the same conversation first; the caller reloads and tries again. */
public final class ConcurrentUpdateException extends WizardException {
    private static final long serialVersionUID = 1L;

    public ConcurrentUpdateException(ConversationId id) {
        super("conversation " + id + " was changed concurrently");
    }
}
