package dev.aiwizard.core.conversation;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.chat.ThreadRef;
import dev.aiwizard.core.chat.UserRef;
import dev.aiwizard.core.spec.Spec;
import java.time.Instant;

/**
 * One conversation, held in one chat thread. {@code pending} is the question waiting for an answer (or
 * {@code null}); {@code branch} is set once code was delivered; {@code version} guards against lost updates.
 */
public record Conversation(ConversationId id, ThreadRef thread, UserRef requester, String idea,
                           ConversationState state, Spec spec, Question pending, int questionsAsked,
                           String branch, Instant createdAt, Instant updatedAt, long version) {
    public Conversation {
        requireNonNull(id, "id");
        requireNonNull(thread, "thread");
        requireNonNull(requester, "requester");
        requireNonNull(idea, "idea");
        requireNonNull(state, "state");
        requireNonNull(spec, "spec");
        requireNonNull(createdAt, "createdAt");
        requireNonNull(updatedAt, "updatedAt");
    }

    /** A new conversation in {@link ConversationState#QUESTIONING} with an empty spec. */
    public static Conversation start(ConversationId id, ThreadRef thread, UserRef requester, String idea, Instant now) {
        return new Conversation(id, thread, requester, idea, ConversationState.QUESTIONING, Spec.empty(), null, 0,
                null, now, now, 0);
    }

    /** Only {@link ConversationStateMachine} moves a conversation, so every move is one its table allows. */
    Conversation withState(ConversationState s, Instant now) {
        return new Conversation(id, thread, requester, idea, s, spec, pending, questionsAsked, branch, createdAt, now, version);
    }

    public Conversation withSpec(Spec s, Instant now) {
        return new Conversation(id, thread, requester, idea, state, s, pending, questionsAsked, branch, createdAt, now, version);
    }

    /** The same conversation now waiting for an answer to {@code q} ({@code null}: waiting for nothing). */
    public Conversation asking(Question q, Instant now) {
        int asked = q == null ? questionsAsked : questionsAsked + 1;
        return new Conversation(id, thread, requester, idea, state, spec, q, asked, branch, createdAt, now, version);
    }

    public Conversation withBranch(String b, Instant now) {
        return new Conversation(id, thread, requester, idea, state, spec, pending, questionsAsked, b, createdAt, now, version);
    }
}
