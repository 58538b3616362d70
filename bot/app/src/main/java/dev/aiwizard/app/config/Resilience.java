package dev.aiwizard.app.config;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.chat.TurnLimits;
import dev.aiwizard.storage.StorageSettings;
import java.time.Duration;

/**
 * How the bot bounds what it waits for and what it holds: the database timeouts, the chat turns each platform may
 * hold, the GitHub webhook events handled at once, the HTTP requests served at once, and how long shutdown waits for
 * accepted turns. Defaults live in {@code application.yaml}; see docs/configuration.md.
 */
public record Resilience(StorageSettings.Timeouts db, TurnLimits turns, int webhooksInFlight, Duration shutdownGrace,
                         int httpInFlight) {
    public Resilience {
        if (httpInFlight < 1) {
            throw new IllegalArgumentException("HTTP requests in flight must be at least 1, was " + httpInFlight);
        }
        requireNonNull(db, "db");
        requireNonNull(turns, "turns");
        requireNonNull(shutdownGrace, "shutdownGrace");
        if (webhooksInFlight < 1) {
            throw new IllegalArgumentException("webhook events in flight must be at least 1, was " + webhooksInFlight);
        }
        if (shutdownGrace.isNegative()) {
            throw new IllegalArgumentException("the shutdown grace period cannot be negative: " + shutdownGrace);
        }
    }
}
