package dev.aiwizard.core.job;

/**
 * Proof that the caller still holds its job, asked for before each step others would see (a push, a pull request,
 * a message). Checking renews the job's lease, so the step that follows has a whole lease to finish in.
 */
@FunctionalInterface
public interface Fence {
    /**
     * Returns when the job is still this worker's.
     *
     * @throws JobTakenOverException when another worker claimed the job since
     */
    void check();

    /** No job behind the call (tools, tests): every check passes. */
    static Fence none() {
        return () -> { };
    }
}
