package dev.aiwizard.generator.llm;

import dev.aiwizard.core.job.ModelUsage;
import dev.langchain4j.model.output.TokenUsage;

/**
 * Counts the calls and tokens of one piece of work (a job, an interview turn) and stops it before a call once its
 * budget is spent. Safe to share between the threads of one job.
 */
public final class UsageMeter {
    private final long budget;
    private final String budgetName;
    private ModelUsage used = ModelUsage.NONE;

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

    /** Counts one answered call. Providers that report no usage count as zero tokens. */
    synchronized void add(TokenUsage usage) {
        long in = usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
        long out = usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
        used = used.plus(new ModelUsage(1, in, out));
    }

    /** What was used so far. */
    public synchronized ModelUsage used() {
        return used;
    }
}
