package dev.aiwizard.core.job;

/** A job's life: queued, running (claimed by one worker under a lease), then succeeded or failed. */
public enum JobState {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    /** Whether the job is over. */
    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
