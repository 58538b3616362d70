package dev.aiwizard.app.config;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.storage.StorageSettings;

/**
 * How the bot bounds what it waits for and what it holds: the database timeouts. Defaults live in
 * {@code application.yaml}; see docs/configuration.md.
 */
public record Resilience(StorageSettings.Timeouts db) {
    public Resilience {
        requireNonNull(db, "db");
    }
}
