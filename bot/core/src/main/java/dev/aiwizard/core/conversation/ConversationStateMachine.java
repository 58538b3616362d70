package dev.aiwizard.core.conversation;

import static dev.aiwizard.core.conversation.ConversationState.AWAITING_APPROVAL;
import static dev.aiwizard.core.conversation.ConversationState.CANCELLED;
import static dev.aiwizard.core.conversation.ConversationState.CLOSED;
import static dev.aiwizard.core.conversation.ConversationState.FAILED;
import static dev.aiwizard.core.conversation.ConversationState.GENERATING;
import static dev.aiwizard.core.conversation.ConversationState.MERGED;
import static dev.aiwizard.core.conversation.ConversationState.PR_OPEN;
import static dev.aiwizard.core.conversation.ConversationState.QUESTIONING;
import static dev.aiwizard.core.conversation.ConversationState.REVISING;
import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where a conversation may go from where it is: the table of allowed state transitions, and the one place that changes
 * a conversation's state ({@link #apply}). Turns, the job worker and the pull-request events all move a conversation
 * through here, so a move the table does not list is refused loudly instead of leaving a conversation in a state no
 * turn expects.
 */
public final class ConversationStateMachine {
    /** The states a conversation can still leave: every one but merged, closed and cancelled. */
    private static final Set<ConversationState> LIVE = EnumSet.complementOf(EnumSet.of(MERGED, CLOSED, CANCELLED));

    /** Each event leads to one state, from the states listed with it. */
    private static final Map<ConversationEvent, Rule> TABLE = table(
            // The interview. Anyone's answer or change before approval; the requester's change after a delivery or a
            // failed job goes back through the interview too.
            rule(ConversationEvent.QUESTION_ASKED, QUESTIONING, QUESTIONING, AWAITING_APPROVAL, FAILED, PR_OPEN),
            rule(ConversationEvent.SPEC_READY, AWAITING_APPROVAL, QUESTIONING, AWAITING_APPROVAL, FAILED, PR_OPEN),
            // Approval, or trying again after a failed job: a job is queued.
            rule(ConversationEvent.GENERATION_QUEUED, GENERATING, AWAITING_APPROVAL, FAILED),
            rule(ConversationEvent.REVISION_QUEUED, REVISING, AWAITING_APPROVAL, FAILED),
            // A job's outcome, normally while generating or revising. The job is stored before the approval's own
            // save, so when that save fails the job still runs and may end while the conversation is anywhere that is
            // not over; the outcome then still moves it, as it always did.
            rule(ConversationEvent.JOB_DELIVERED, PR_OPEN, LIVE),
            rule(ConversationEvent.JOB_FAILED, FAILED, LIVE),
            // The endings, from wherever the conversation is while it is not over yet.
            rule(ConversationEvent.CANCEL_REQUESTED, CANCELLED, LIVE),
            rule(ConversationEvent.PULL_REQUEST_MERGED, MERGED, LIVE),
            rule(ConversationEvent.PULL_REQUEST_CLOSED, CLOSED, LIVE));

    private ConversationStateMachine() {
    }

    /**
     * {@code c} moved by {@code event}, updated at {@code now}; nothing else of it changes.
     *
     * @throws IllegalTransitionException when the table does not allow {@code event} in {@code c}'s state
     */
    public static Conversation apply(Conversation c, ConversationEvent event, Instant now) {
        requireNonNull(c, "c");
        requireNonNull(now, "now");
        Rule rule = TABLE.get(requireNonNull(event, "event"));
        if (!rule.from().contains(c.state())) {
            throw new IllegalTransitionException(c.id(), c.state(), event, rule.from());
        }
        return c.withState(rule.to(), now);
    }

    /** Whether {@code event} may happen to a conversation in {@code state}. */
    public static boolean allows(ConversationState state, ConversationEvent event) {
        return target(state, event).isPresent();
    }

    /** Where {@code event} takes a conversation in {@code state}; empty when the table does not allow it. */
    public static Optional<ConversationState> target(ConversationState state, ConversationEvent event) {
        Rule rule = TABLE.get(requireNonNull(event, "event"));
        return rule.from().contains(requireNonNull(state, "state")) ? Optional.of(rule.to()) : Optional.empty();
    }

    private record Rule(ConversationEvent event, ConversationState to, Set<ConversationState> from) {
    }

    private static Rule rule(ConversationEvent event, ConversationState to, ConversationState first,
                             ConversationState... more) {
        return new Rule(event, to, Collections.unmodifiableSet(EnumSet.of(first, more)));
    }

    private static Rule rule(ConversationEvent event, ConversationState to, Set<ConversationState> from) {
        return new Rule(event, to, Collections.unmodifiableSet(EnumSet.copyOf(from)));
    }

    private static Map<ConversationEvent, Rule> table(Rule... rules) {
        Map<ConversationEvent, Rule> table = new EnumMap<>(ConversationEvent.class);
        for (Rule r : rules) {
            if (table.put(r.event(), r) != null) {
                throw new IllegalStateException("two rules for " + r.event());
            }
        }
        if (table.size() != ConversationEvent.values().length) {
            throw new IllegalStateException("an event without a rule");
        }
        return Collections.unmodifiableMap(table);
    }
}
