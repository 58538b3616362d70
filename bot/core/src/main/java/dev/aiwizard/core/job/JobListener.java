package dev.aiwizard.core.job;

/** Hears a job's changes as they are stored: its progress and its state. Called on the thread that stored them. */
@FunctionalInterface
public interface JobListener {
    void changed(Job job);
}
