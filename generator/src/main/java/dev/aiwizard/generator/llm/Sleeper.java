package dev.aiwizard.generator.llm;

import java.time.Duration;

/** Waits between retries; tests record the waits. */
@FunctionalInterface
interface Sleeper {
    Sleeper REAL = d -> Thread.sleep(d.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
