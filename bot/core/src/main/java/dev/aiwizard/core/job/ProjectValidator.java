package dev.aiwizard.core.job;

/**
 * Port: runs a generated project's own build and tests, isolated from the machine, the network and the bot's
 * secrets, and says what happened. The command comes from the project's stack, never from the model.
 */
public interface ProjectValidator {
    /**
     * Runs {@code project}'s tests, reporting progress (a place in the queue, the step running) as it goes. Never
     * runs the code outside isolation: where none is available the answer is {@link Verification.Outcome#NOT_RUN}.
     */
    Verification validate(GeneratedProject project, String stack, Progress progress);
}
