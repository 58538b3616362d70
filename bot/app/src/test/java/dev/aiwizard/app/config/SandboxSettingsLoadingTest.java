package dev.aiwizard.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.core.sandbox.SandboxLimits;
import dev.aiwizard.core.sandbox.SandboxSettings;
import dev.aiwizard.core.testing.ShippedSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Validation in the sandbox: the shipped defaults, and the environment overriding them. */
class SandboxSettingsLoadingTest {
    @Test
    void validationIsOnWithTheCoresDefaultLimitsOneSlotAndTwoRepairRounds() {
        SandboxSettings s = SettingsLoader.load(Map.of("WIZARD_DATA_DIR", "/srv/wizard")).validation().sandbox();

        assertEquals(SandboxSettings.Mode.ALWAYS, s.mode());
        assertEquals(ShippedSettings.sandboxLimits(), s.limits(), "application.yaml and the core's defaults agree");
        assertEquals(1, s.slots());
        assertEquals(2, s.repairRounds());
        assertEquals(Path.of("/srv/wizard/sandbox"), s.workDir(), "caches live in the data dir unless told");
    }

    @Test
    void theEnvironmentOverridesEverySetting() {
        SandboxSettings s = SettingsLoader.load(Map.of("WIZARD_VALIDATE", "never", "WIZARD_SANDBOX_TIMEOUT_SECONDS", "120",
                "WIZARD_SANDBOX_MEMORY_MB", "1024", "WIZARD_SANDBOX_CPU_SECONDS", "60", "WIZARD_SANDBOX_MAX_PROCESSES",
                "256", "WIZARD_SANDBOX_MAX_OUTPUT_KB", "512", "WIZARD_SANDBOX_SLOTS", "3", "WIZARD_SANDBOX_DIR",
                "/var/cache/wizard", "WIZARD_REPAIR_ROUNDS", "0")).validation().sandbox();

        assertEquals(new SandboxSettings(SandboxSettings.Mode.NEVER, new SandboxLimits(Duration.ofMinutes(2), 1L << 30,
                Duration.ofMinutes(1), 256, 512 * 1024), 3, Path.of("/var/cache/wizard"), 0), s);
    }

    @Test
    void aWrongValueStopsStartUpNamingTheVariables() {
        var mode = assertThrows(ConfigException.class, () -> SettingsLoader.load(Map.of("WIZARD_VALIDATE", "maybe")));
        var slots = assertThrows(ConfigException.class, () -> SettingsLoader.load(Map.of("WIZARD_SANDBOX_SLOTS", "0")));

        assertTrue(mode.getMessage().endsWith("WIZARD_VALIDATE must be always or never, was 'maybe'"), mode.getMessage());
        assertTrue(slots.getMessage().endsWith("WIZARD_SANDBOX_SLOTS must be at least 1, was 0"), slots.getMessage());
    }
}
