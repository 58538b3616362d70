package dev.aiwizard.core.job;

import dev.aiwizard.core.conversation.ConversationId;
import java.time.Instant;

/** Port: a durable record of model usage, so budgets hold across jobs, restarts and instances. */
public interface UsageLedger {
    /** Records that work for {@code conversation}, asked for by {@code userId}, used {@code usage} at {@code at}. */
    void record(ConversationId conversation, String userId, ModelUsage usage, Instant at);

    /** Everything {@code userId} used from {@code since} (inclusive) on. */
    ModelUsage usedBy(String userId, Instant since);

    /** Everything used for {@code conversation}. */
    ModelUsage usedIn(ConversationId conversation);
}
