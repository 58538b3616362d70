package dev.aiwizard.app.config;

import dev.aiwizard.core.sandbox.SandboxLimits;
import dev.aiwizard.core.sandbox.SandboxSettings;
import dev.aiwizard.sandbox.KubernetesSandboxSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/** Validation of generated projects from {@code wizard.validation}: whether, the limits of a run, and where. */
final class ValidationBinding {
    private ValidationBinding() {
    }

    /** The sandbox's mode, limits, slots and work dir for the shared caches (empty: {@code <data-dir>/sandbox}). */
    static SandboxSettings sandbox(ConfigSection validation, Path dataDir) {
        String dir = validation.string("work-dir");
        try {
            var limits = new SandboxLimits(validation.seconds("timeout-seconds"),
                    validation.longValue("memory-mb") << 20, validation.seconds("cpu-seconds"),
                    validation.integer("max-processes"), validation.longValue("max-output-kb") << 10);
            return new SandboxSettings(SandboxSettings.Mode.parse(validation.string("mode")), limits,
                    validation.integer("slots"), dir.isEmpty() ? dataDir.resolve("sandbox") : Path.of(dir),
                    validation.integer("repair-rounds"));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("validation settings (WIZARD_VALIDATE, WIZARD_SANDBOX_*, WIZARD_REPAIR_ROUNDS): "
                    + e.getMessage());
        }
    }

    /** Where validation runs ({@code WIZARD_SANDBOX}): null for bubblewrap, the Jobs' settings for Kubernetes. */
    static KubernetesSandboxSettings kubernetes(ConfigSection validation) {
        String kind = validation.string("sandbox").toLowerCase(Locale.ROOT);
        switch (kind) {
            case "bubblewrap", "" -> {
                return null;
            }
            case "kubernetes" -> {
                ConfigSection k8s = validation.section("kubernetes");
                String image = k8s.string("image");
                if (image.isEmpty()) {
                    throw new ConfigException("WIZARD_SANDBOX=kubernetes needs WIZARD_K8S_SANDBOX_IMAGE, the image"
                            + " the sandbox Jobs run (the bot's own image has every stack's tools)");
                }
                try {
                    return new KubernetesSandboxSettings(k8s.string("namespace"), image, k8s.string("cache-claim"),
                            k8s.string("cpu"), k8s.seconds("job-ttl-seconds"), Duration.ofSeconds(1));
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(e.getMessage());
                }
            }
            default -> throw new ConfigException("WIZARD_SANDBOX must be bubblewrap or kubernetes, was '" + kind + "'");
        }
    }
}
