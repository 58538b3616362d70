package dev.aiwizard.core.chat;

import java.time.Duration;

/**
 * Logs refused work without flooding the log: the first refusal at once, later ones as a count at most once per
 * {@code every}. Under overload there may be thousands of refusals a second; the operator needs the numbers, not the
 * lines. Callers synchronize.
 */
final class RefusalLog {
    private static final System.Logger LOG = System.getLogger(ThreadQueues.class.getName());

    private final String name;
    private final System.Logger.Level level;
    private final long everyNanos;
    private long lastLogged;
    private boolean loggedOnce;
    private long unreported;
    private long refusedInAll;

    RefusalLog(String name, System.Logger.Level level, Duration every) {
        this.name = name;
        this.level = level;
        this.everyNanos = every.toNanos();
    }

    /** Work refused since start. */
    long refusedInAll() {
        return refusedInAll;
    }

    void refused(String why, int queued) {
        refusedInAll++;
        unreported++;
        long now = System.nanoTime();
        if (loggedOnce && now - lastLogged < everyNanos) {
            return;
        }
        LOG.log(level, name + " chat work refused (" + why + "): " + unreported + " refused since the last report, "
                + refusedInAll + " since start; " + queued + " accepted and not finished");
        loggedOnce = true;
        lastLogged = now;
        unreported = 0;
    }
}
