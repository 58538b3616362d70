package dev.aiwizard.core.job;

/** Port: commits generated files on the conversation's own branch of a git repository and pushes it. */
public interface Publisher {
    /**
     * Delivers the files. Never touches the default branch or a branch another conversation owns.
     *
     * @throws PublishException with a reason fit for the person who asked (unwritable target, rejected push)
     */
    PublishResult publish(PublishRequest request);
}
