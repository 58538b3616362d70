package dev.aiwizard.generator.llm;

import dev.aiwizard.core.job.GenerationException;

/** A token budget is spent: work stops with this message instead of calling the model again. */
public final class BudgetExceededException extends GenerationException {
    private static final long serialVersionUID = 1L;

    BudgetExceededException(String message) {
        super(message);
    }
}
