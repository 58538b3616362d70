package dev.aiwizard.core.job;

/**
 * How much of a language model some work used: calls made and tokens sent and received. {@link #NONE} for work
 * done without a model (the offline engines, a cached result).
 */
public record ModelUsage(int calls, long inputTokens, long outputTokens) {
    public static final ModelUsage NONE = new ModelUsage(0, 0, 0);

    public ModelUsage {
        if (calls < 0 || inputTokens < 0 || outputTokens < 0) {
            throw new IllegalArgumentException("usage cannot be negative");
        }
    }

    /** Input and output tokens together: what budgets count. */
    public long totalTokens() {
        return inputTokens + outputTokens;
    }

    /** This usage and {@code other} added up. */
    public ModelUsage plus(ModelUsage other) {
        return new ModelUsage(calls + other.calls, inputTokens + other.inputTokens, outputTokens + other.outputTokens);
    }

    /** "12 model calls, 8,400 tokens in / 3,100 out", or "no model calls". */
    public String describe() {
        if (calls == 0) {
            return "no model calls";
        }
        return String.format(java.util.Locale.ROOT, "%d model call%s, %,d tokens in / %,d out", calls,
                calls == 1 ? "" : "s", inputTokens, outputTokens);
    }
}
