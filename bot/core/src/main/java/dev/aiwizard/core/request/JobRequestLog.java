package dev.aiwizard.core.request;

import dev.aiwizard.core.conversation.ConversationId;
import java.time.Instant;
import java.util.List;

/**
 * Port: which conversations job requests started, under a hash of everything that shaped their answer, so an
 * identical request within the cache period is answered from an earlier one without a model call. Implementations
 * must be thread-safe.
 */
public interface JobRequestLog {
    /** Records that a request with {@code key} started {@code conversation} at {@code at}. */
    void record(String key, ConversationId conversation, Instant at);

    /** The conversations started by requests with {@code key} from {@code since} on, newest first, at most {@code limit}. */
    List<ConversationId> since(String key, Instant since, int limit);
}
