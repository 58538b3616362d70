package dev.aiwizard.generator.llm;

import dev.aiwizard.core.conversation.ConversationId;
import dev.aiwizard.core.job.ModelUsage;
import dev.aiwizard.core.job.UsageLedger;
import dev.langchain4j.model.output.TokenUsage;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts the calls and tokens of one piece of work (a job, an interview turn) and stops it before a call once its
 * budget is spent. Safe to share between the threads of one job.
 */
public final class UsageMeter {
    private final long budget;
    private final String budgetName;
    private ModelUsage used = ModelUsage.NONE;
    /** What each model ({@code provider/model}) used, for the ledger's per-model record. */
    private final Map<String, ModelUsage> byModel = new LinkedHashMap<>();

    /** A meter that refuses calls once {@code budget} tokens are used; {@code budgetName} names it in messages. */
    public UsageMeter(long budget, String budgetName) {
        this.budget = budget;
        this.budgetName = budgetName;
    }

    /** A meter for work that is counted but not limited here. */
    public static UsageMeter unlimited() {
        return new UsageMeter(Long.MAX_VALUE, "no budget");
    }

    /** Throws when the budget is spent, so no further call starts. */
    synchronized void checkBeforeCall() {
        if (used.totalTokens() >= budget) {
            throw new BudgetExceededException("The " + budgetName + " of " + String.format(java.util.Locale.ROOT,
                    "%,d", budget) + " tokens is spent (" + used.describe() + "); stopped instead of calling the "
                    + "model again.");
        }
    }

    /** Counts one answered call of {@code model}. Providers that report no usage count as zero tokens. */
    synchronized void add(String model, TokenUsage usage) {
        long in = usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
        long out = usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
        ModelUsage call = new ModelUsage(1, in, out);
        used = used.plus(call);
        byModel.merge(model, call, ModelUsage::plus);
    }

    /** Writes what was used, one entry per model, to {@code ledger}; nothing when no call was made. */
    public synchronized void recordIn(UsageLedger ledger, ConversationId conversation, String userId, Instant at) {
        byModel.forEach((model, usage) -> ledger.record(conversation, userId, model, usage, at));
    }

    /** What was used so far. */
    public synchronized ModelUsage used() {
        return used;
    }
}
