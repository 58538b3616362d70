package dev.aiwizard.core.conversation;

import dev.aiwizard.core.chat.ThreadRef;
import java.util.List;
import java.util.Optional;

/**
 * Port: reading conversations without taking part in one, for the REST API, a web surface, and listings in chat.
 * The store side implements it ({@link ConversationStore} extends it), so a read costs no turn, lock or coordination,
 * and {@link ConversationService} is not a pass-through for it.
 */
public interface ConversationReads {
    Optional<Conversation> find(ConversationId id);

    /** The conversation held in {@code thread}, if any. */
    Optional<Conversation> findByThread(ThreadRef thread);

    /** Conversations in one channel of one platform, newest first. */
    List<Conversation> listByChannel(String platform, String channel, int limit);

    /** The newest conversation in one channel that is not over (among its newest 20), to continue it. */
    default Optional<Conversation> latestUnfinished(String platform, String channel) {
        return listByChannel(platform, channel, 20).stream().filter(c -> !c.state().isFinal()).findFirst();
    }

    /** Conversations of one platform that are not over (not merged, closed or cancelled), newest first. */
    List<Conversation> listOpen(String platform, int limit);

    /** All conversations, newest first, for the REST API. */
    List<Conversation> list(int limit, int offset);

    /** The conversation's messages in the order they were stored. */
    List<StoredMessage> messages(ConversationId id);

    /** The audit events of a conversation, oldest first, as {@code event: detail} lines. */
    List<String> auditTrail(ConversationId id);
}
