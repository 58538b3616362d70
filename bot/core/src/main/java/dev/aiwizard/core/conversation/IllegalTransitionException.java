package dev.aiwizard.core.conversation;

import dev.aiwizard.core.WizardException;

/** A move that {@link ConversationStateMachine}'s table does not allow: a bug in the caller, never a user's mistake. */
public final class IllegalTransitionException extends WizardException {
    private static final long serialVersionUID = 1L;

    IllegalTransitionException(ConversationId id, ConversationState from, ConversationEvent event,
                               java.util.Set<ConversationState> allowedFrom) {
        super("conversation " + id + " cannot take " + event + " while " + from + "; " + event + " is allowed only "
                + "from " + allowedFrom);
    }
}
