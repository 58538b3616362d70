package dev.aiwizard.core.job;

/** Receives short progress notes from long work ("generating 12 files"); shown by editing one status message. */
@FunctionalInterface
public interface Progress {
    void report(String note);
}
