package dev.aiwizard.slack;

import dev.aiwizard.core.WizardException;

/**
 * A Slack event could not be stored before its acknowledgement. It is thrown out of the Bolt handler (Bolt passes on
 * only 200 answers from event handlers) so that the HTTP endpoint answers 503 and Slack delivers the event again.
 */
public final class EventNotKeptException extends WizardException {
    private static final long serialVersionUID = 1L;

    public EventNotKeptException(String message, Throwable cause) {
        super(message, cause);
    }
}
