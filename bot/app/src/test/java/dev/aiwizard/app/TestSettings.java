package dev.aiwizard.app;

import dev.aiwizard.app.config.AppSettings;
import dev.aiwizard.app.config.SettingsLoader;
import dev.aiwizard.storage.StorageSettings;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Settings for a bot under test: a free port, its own data directory, generated projects not run (tests of the
 * validation itself turn it on with {@code WIZARD_VALIDATE=always}), otherwise the shipped defaults.
 */
final class TestSettings {
    private TestSettings() {
    }

    static AppSettings embedded(Path dataDir, String... env) {
        Map<String, String> vars = new HashMap<>();
        vars.put("WIZARD_PORT", "0");
        vars.put("WIZARD_HOST", "127.0.0.1");
        vars.put("WIZARD_DATA_DIR", dataDir.toString());
        vars.put("WIZARD_VALIDATE", "never");
        for (int i = 0; i + 1 < env.length; i += 2) {
            vars.put(env[i], env[i + 1]);
        }
        return SettingsLoader.load(vars);
    }

    /** The database timeouts application.yaml ships, for tests that open a bot's storage themselves. */
    static StorageSettings.Timeouts dbTimeouts() {
        return SettingsLoader.load(Map.of()).resilience().db();
    }
}
