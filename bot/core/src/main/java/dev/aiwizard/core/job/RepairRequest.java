package dev.aiwizard.core.job;

import static java.util.Objects.requireNonNull;

/**
 * A generated project whose tests failed, to be fixed by the engine that wrote it: the original request, the
 * project as it is, what failed, which round this is of how many, and the model tokens the job has spent so far
 * (repairs come out of the same job budget).
 */
public record RepairRequest(GenerationRequest request, GeneratedProject project, Verification failure, int round,
                            int rounds, long tokensSpent) {
    public RepairRequest {
        requireNonNull(request, "request");
        requireNonNull(project, "project");
        requireNonNull(failure, "failure");
        if (round < 1 || round > rounds || tokensSpent < 0) {
            throw new IllegalArgumentException("round " + round + " of " + rounds + ", " + tokensSpent + " tokens");
        }
    }
}
