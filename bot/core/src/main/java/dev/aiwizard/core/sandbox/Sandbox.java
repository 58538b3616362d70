package dev.aiwizard.core.sandbox;

import dev.aiwizard.core.job.Progress;

/**
 * Runs a project's dependency and test steps, as its stack prescribes, where the project's code can reach neither the
 * network nor anything of the bot's, within limits. Code a model wrote never runs anywhere else.
 */
public interface Sandbox {
    /**
     * Runs {@code request}, reporting waits and steps to {@code progress}. Expected outcomes, a sandbox that is not
     * available included, come back as a result, never as an exception.
     */
    SandboxResult run(SandboxRequest request, Progress progress);
}
