package dev.aiwizard.web.view;

import java.util.List;

/**
 * The model usage page: over the last {@code days} days, one row per person and model, one per person, and what all
 * of it cost (models the price table does not price count as nothing, and their rows say so).
 */
public record UsageView(int days, List<Row> rows, List<Row> people, String totalCost) {
    public UsageView {
        rows = List.copyOf(rows);
        people = List.copyOf(people);
    }

    /** One person's usage of one model (or of all, on the per-person rows). */
    public record Row(String person, String model, int calls, String inputTokens, String outputTokens, String cost) {
    }
}
