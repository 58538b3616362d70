package dev.aiwizard.core.job;

import dev.aiwizard.core.conversation.ConversationId;
import java.time.Instant;
import java.util.List;

/** Port: a durable record of model usage, so budgets hold across jobs, restarts and instances. */
public interface UsageLedger {
    /**
     * Records that work for {@code conversation}, asked for by {@code userId}, used {@code usage} of {@code model}
     * ({@code provider/model}, as the price table names it) at {@code at}.
     */
    void record(ConversationId conversation, String userId, String model, ModelUsage usage, Instant at);

    /** Everything {@code userId} used from {@code since} (inclusive) on. */
    ModelUsage usedBy(String userId, Instant since);

    /** Everything used for {@code conversation}. */
    ModelUsage usedIn(ConversationId conversation);

    /**
     * What each person used of each model from {@code since} (inclusive) on, by person then model; usage recorded
     * before models were told apart has the model {@link UsageTotal#UNKNOWN}.
     */
    List<UsageTotal> totals(Instant since);
}
