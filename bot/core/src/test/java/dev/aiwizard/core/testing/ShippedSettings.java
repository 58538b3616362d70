package dev.aiwizard.core.testing;

import dev.aiwizard.core.conversation.ConversationSettings;
import dev.aiwizard.core.job.ProjectLimits;
import dev.aiwizard.core.sandbox.SandboxLimits;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The core's settings as {@code application.yaml} ships them, for tests of one module that want "the defaults"
 * without starting the application. The main code has no copy of them: the application binds them from the file,
 * and bot/app's {@code ShippedSettingsTest} checks these values against that binding, so they cannot drift.
 */
public final class ShippedSettings {
    private ShippedSettings() {
    }

    /** 6 questions, ideas up to 2,000 characters, 10 generations and 30 conversations per person per hour. */
    public static ConversationSettings conversation() {
        return new ConversationSettings(6, 2000, 10, 30, Duration.ofSeconds(10));
    }

    /** 10 minutes, 2 GiB, 15 CPU minutes, 1,024 processes and 8 MiB of output per sandbox step. */
    public static SandboxLimits sandboxLimits() {
        return new SandboxLimits(Duration.ofMinutes(10), 2L << 30, Duration.ofMinutes(15), 1024, 8L << 20);
    }

    /** 200 files, 256 KiB per file, 20 MiB in all, no protected path allowed and no known secret. */
    public static ProjectLimits projectLimits() {
        return new ProjectLimits(200, 256 * 1024, 20L * 1024 * 1024, Set.of(), List.of());
    }
}
