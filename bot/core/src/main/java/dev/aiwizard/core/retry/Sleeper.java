package dev.aiwizard.core.retry;

import java.time.Duration;

/** Waits before a call is tried again; tests pass one that records the waits instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
    /** Sleeps for real. */
    Sleeper REAL = Thread::sleep;

    void sleep(Duration duration) throws InterruptedException;
}
