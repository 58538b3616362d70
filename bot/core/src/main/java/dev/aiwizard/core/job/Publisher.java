package dev.aiwizard.core.job;

/** Port: commits generated files on the conversation's own branch of a git repository and pushes it. */
public interface Publisher {
    /**
     * Delivers the files, checking {@code fence} before each step others see (the push, the pull request), so a
     * worker that lost its job to another one stops half-way instead of delivering twice. Never touches the default
     * branch or a branch another conversation owns.
     *
     * @throws PublishException with a reason fit for the person who asked (unwritable target, rejected push)
     * @throws JobTakenOverException when the fence says the job is another worker's now
     */
    PublishResult publish(PublishRequest request, Fence fence);

    /** Delivers the files with no job behind the call. */
    default PublishResult publish(PublishRequest request) {
        return publish(request, Fence.none());
    }
}
