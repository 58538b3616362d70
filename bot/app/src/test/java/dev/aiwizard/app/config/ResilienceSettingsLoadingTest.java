package dev.aiwizard.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.core.chat.TurnLimits;
import dev.aiwizard.storage.StorageSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Timeouts and limits: the shipped defaults, and the environment overriding them. */
class ResilienceSettingsLoadingTest {

    @Test
    void theDatabaseTimeoutsDefaultToApplicationYamlsValuesAndTheEnvironmentOverridesThem() {
        assertEquals(new StorageSettings.Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(15),
                Duration.ofSeconds(10)), SettingsLoader.load(Map.of()).resilience().db());
        StorageSettings.Timeouts set = SettingsLoader.load(Map.of("WIZARD_DB_CONNECT_TIMEOUT_SECONDS", "2",
                "WIZARD_DB_SOCKET_TIMEOUT_SECONDS", "40", "WIZARD_DB_STATEMENT_TIMEOUT_SECONDS", "30"))
                .resilience().db();

        assertEquals(new StorageSettings.Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(40),
                Duration.ofSeconds(30)), set);
    }

    @Test
    void aSocketTimeoutNotAboveTheStatementTimeoutStopsStartUpNamingTheVariables() {
        var e = assertThrows(ConfigException.class, () -> SettingsLoader.load(Map.of(
                "WIZARD_DB_SOCKET_TIMEOUT_SECONDS", "10")));

        assertTrue(e.getMessage().startsWith("WIZARD_DB_*_TIMEOUT_SECONDS: the socket timeout (10 s)"), e.getMessage());
    }

    @Test
    void turnLimitsWebhookLimitAndShutdownGraceHaveDefaultsAndReadTheEnvironment() {
        Resilience defaults = SettingsLoader.load(Map.of()).resilience();
        Resilience set = SettingsLoader.load(Map.of("WIZARD_MAX_TURNS_PER_THREAD", "5", "WIZARD_MAX_TURNS", "40",
                "WIZARD_WEBHOOKS_MAX_IN_FLIGHT", "3", "WIZARD_SHUTDOWN_GRACE", "1m")).resilience();

        assertEquals(new TurnLimits(50, 1000), defaults.turns());
        assertEquals(64, defaults.webhooksInFlight());
        assertEquals(Duration.ofSeconds(25), defaults.shutdownGrace(), "under Kubernetes' 30 s");
        assertEquals(2000, defaults.httpInFlight());
        assertEquals(7, SettingsLoader.load(Map.of("WIZARD_HTTP_MAX_IN_FLIGHT", "7")).resilience().httpInFlight());
        assertEquals(new TurnLimits(5, 40), set.turns());
        assertEquals(3, set.webhooksInFlight());
        assertEquals(Duration.ofMinutes(1), set.shutdownGrace());
        assertEquals(Duration.ofSeconds(10), SettingsLoader.load(Map.of("WIZARD_SHUTDOWN_GRACE", "10")).resilience()
                .shutdownGrace());
        var e = assertThrows(ConfigException.class, () -> SettingsLoader.load(Map.of("WIZARD_SHUTDOWN_GRACE",
                "soon")));
        assertTrue(e.getMessage().contains("WIZARD_SHUTDOWN_GRACE must be seconds like 25s"), e.getMessage());
    }
}
