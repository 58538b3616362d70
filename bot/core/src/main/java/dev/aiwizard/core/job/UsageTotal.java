package dev.aiwizard.core.job;

import static java.util.Objects.requireNonNull;

/** What one person used of one model ({@code provider/model}) over a period: a row of the admins' usage page. */
public record UsageTotal(String userId, String model, ModelUsage usage) {
    /** The model of usage recorded before the ledger told models apart. */
    public static final String UNKNOWN = "unknown";

    public UsageTotal {
        requireNonNull(userId, "userId");
        model = model == null || model.isBlank() ? UNKNOWN : model;
        requireNonNull(usage, "usage");
    }
}
