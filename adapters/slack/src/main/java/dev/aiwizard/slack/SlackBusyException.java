package dev.aiwizard.slack;

import dev.aiwizard.core.WizardException;

/**
 * Thrown by a Bolt handler whose work the turn queues refused (full, or shutting down). Bolt treats a handler's
 * non-200 answer to an event as "not handled" (404) and a thrown exception as the request's failure, so this is how
 * a refusal leaves Bolt: the HTTP endpoint answers it with 503, and over Socket Mode Bolt sends no acknowledgement;
 * either way Slack delivers the event again later.
 */
public final class SlackBusyException extends WizardException {
    private static final long serialVersionUID = 1L;

    SlackBusyException() {
        super("the turn queues are full or shutting down");
    }
}
