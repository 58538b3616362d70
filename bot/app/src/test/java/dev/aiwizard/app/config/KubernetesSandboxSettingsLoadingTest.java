package dev.aiwizard.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.sandbox.KubernetesSandboxSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** WIZARD_SANDBOX: bubblewrap unless told, and the Kubernetes Jobs' settings when told. */
class KubernetesSandboxSettingsLoadingTest {
    @Test
    void projectsAreValidatedWithBubblewrapUnlessToldOtherwise() {
        assertNull(SettingsLoader.load(Map.of()).validation().kubernetes());
        assertNull(SettingsLoader.load(Map.of("WIZARD_SANDBOX", "bubblewrap")).validation().kubernetes());
    }

    @Test
    void kubernetesTakesTheImageAndTheDocumentedDefaults() {
        KubernetesSandboxSettings k = SettingsLoader.load(Map.of("WIZARD_SANDBOX", "kubernetes",
                "WIZARD_K8S_SANDBOX_IMAGE", "ghcr.io/acme/ai-wizard:0.1.0")).validation().kubernetes();

        assertEquals(new KubernetesSandboxSettings("", "ghcr.io/acme/ai-wizard:0.1.0", "ai-wizard-sandbox-cache", "1",
                Duration.ofMinutes(10), Duration.ofSeconds(1)), k);
    }

    @Test
    void theEnvironmentOverridesEveryKubernetesSetting() {
        KubernetesSandboxSettings k = SettingsLoader.load(Map.of("WIZARD_SANDBOX", "kubernetes",
                "WIZARD_K8S_SANDBOX_IMAGE", "img:1", "WIZARD_K8S_NAMESPACE", "wizard-jobs",
                "WIZARD_K8S_CACHE_CLAIM", "m2-cache", "WIZARD_K8S_SANDBOX_CPU", "500m",
                "WIZARD_K8S_JOB_TTL_SECONDS", "60")).validation().kubernetes();

        assertEquals(new KubernetesSandboxSettings("wizard-jobs", "img:1", "m2-cache", "500m", Duration.ofMinutes(1),
                Duration.ofSeconds(1)), k);
    }

    @Test
    void aWrongChoiceOrAMissingImageStopsStartUpNamingTheVariable() {
        var kind = assertThrows(ConfigException.class, () -> SettingsLoader.load(Map.of("WIZARD_SANDBOX", "docker")));
        assertTrue(kind.getMessage().contains("WIZARD_SANDBOX must be bubblewrap or kubernetes"), kind.getMessage());
        var image = assertThrows(ConfigException.class, () -> SettingsLoader.load(Map.of("WIZARD_SANDBOX",
                "kubernetes")));
        assertTrue(image.getMessage().contains("WIZARD_K8S_SANDBOX_IMAGE"), image.getMessage());
        var cpu = assertThrows(ConfigException.class, () -> SettingsLoader.load(Map.of("WIZARD_SANDBOX",
                "kubernetes", "WIZARD_K8S_SANDBOX_IMAGE", "img:1", "WIZARD_K8S_SANDBOX_CPU", "lots")));
        assertTrue(cpu.getMessage().contains("WIZARD_K8S_SANDBOX_CPU"), cpu.getMessage());
    }
}
