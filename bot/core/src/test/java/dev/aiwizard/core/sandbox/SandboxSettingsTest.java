package dev.aiwizard.core.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.aiwizard.core.testing.ShippedSettings;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SandboxSettingsTest {
    @Test
    void validationIsAlwaysOrNever() {
        assertEquals(SandboxSettings.Mode.ALWAYS, SandboxSettings.Mode.parse(" Always "));
        assertEquals(SandboxSettings.Mode.NEVER, SandboxSettings.Mode.parse("never"));
        var e = assertThrows(IllegalArgumentException.class, () -> SandboxSettings.Mode.parse("sometimes"));
        assertEquals("WIZARD_VALIDATE must be always or never, was 'sometimes'", e.getMessage());
    }

    @Test
    void slotsAndRepairRoundsAreBounded() {
        assertThrows(IllegalArgumentException.class, () -> settings(0, 2));
        assertThrows(IllegalArgumentException.class, () -> settings(1, -1));
        assertThrows(IllegalArgumentException.class, () -> settings(1, 11));
        assertEquals(2, settings(1, 2).repairRounds());
    }

    @Test
    void limitsTooSmallToRunABuildAreRefused() {
        SandboxLimits d = ShippedSettings.sandboxLimits();
        assertThrows(IllegalArgumentException.class, () -> d.withTimeout(Duration.ofMillis(10)));
        assertThrows(IllegalArgumentException.class, () -> d.withMaxProcesses(2));
        assertThrows(IllegalArgumentException.class, () -> d.withOutputBytes(10));
        assertThrows(IllegalArgumentException.class, () -> d.withCpuTime(Duration.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> new SandboxLimits(Duration.ofMinutes(1), 1 << 20, Duration.ofMinutes(1), 64, 1 << 20));
    }

    private static SandboxSettings settings(int slots, int rounds) {
        return new SandboxSettings(SandboxSettings.Mode.ALWAYS, ShippedSettings.sandboxLimits(), slots, Path.of("work"), rounds);
    }
}
