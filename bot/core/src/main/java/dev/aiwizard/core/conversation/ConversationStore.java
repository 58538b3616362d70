package dev.aiwizard.core.conversation;

import java.util.List;
import java.util.Optional;

/**
 * Port: keeps conversations, every message and an audit trail; its reads are the {@link ConversationReads} port.
 * Writes are durable when the method returns. Implementations must be thread-safe.
 */
public interface ConversationStore extends ConversationReads {
    /** Stores a new conversation together with its first messages, all or nothing. */
    default void create(Conversation conversation, List<StoredMessage> messages) {
        create(conversation, messages, null);
    }

    /**
     * {@link #create(Conversation, List)} that also records the chat event {@code eventKey} (null: none) as handled,
     * in the same transaction: the event counts as handled exactly when the turn's writes are committed.
     *
     * @throws DuplicateEventException when {@code eventKey} was recorded before; nothing is stored
     */
    void create(Conversation conversation, List<StoredMessage> messages, String eventKey);

    /**
     * Stores {@code conversation} and appends {@code messages}, all or nothing. The stored version must equal
     * {@code conversation.version()}; it is then incremented. Returns the conversation with its new version.
     *
     * @throws ConcurrentUpdateException when someone else saved the conversation in between
     */
    default Conversation save(Conversation conversation, List<StoredMessage> messages) {
        return save(conversation, messages, null);
    }

    /**
     * {@link #save(Conversation, List)} that also records the chat event {@code eventKey} (null: none) as handled,
     * in the same transaction.
     *
     * @throws DuplicateEventException when {@code eventKey} was recorded before; nothing is stored
     */
    Conversation save(Conversation conversation, List<StoredMessage> messages, String eventKey);

    /** Appends one message to an existing conversation. */
    void append(StoredMessage message);

    /**
     * Records that the inbound event {@code key} (a chat platform and its event id, or a webhook delivery) arrived;
     * true only the first time, for good: the durable half of "each event is handled once", behind the coordination
     * store's fast check.
     */
    boolean recordEvent(String key);

    /** Whether the chat event {@code key} was recorded as handled; records nothing. */
    boolean eventHandled(String key);

    /**
     * Records that the delivery of conversation {@code id} opened pull request {@code number} in {@code repository}
     * ({@code owner/name}, compared without case). Recording the same pull request again changes nothing.
     */
    void recordPullRequest(ConversationId id, String repository, int number);

    /** The conversation whose delivery opened pull request {@code number} in {@code repository}, if any. */
    Optional<Conversation> findByPullRequest(String repository, int number);

    /** The conversations whose code is on {@code branch} (in any repository), newest first. */
    List<Conversation> findByBranch(String branch);

    /** Records an audit event (state change, job start, delivery, refusal) with a short detail. */
    void audit(ConversationId id, String event, String detail);
}
