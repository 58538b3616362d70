package dev.aiwizard.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.aiwizard.web.JobParts.Setting;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EffectiveSettingsTest {
    private static Map<String, String> byName(List<Setting> rows) {
        return rows.stream().collect(Collectors.toMap(Setting::name, Setting::value));
    }

    @Test
    void secretsAreOnlySaidToBeSetAndNeverShown() {
        Map<String, String> env = Map.of("WIZARD_DB_PASSWORD", "pw-kept-out", "WIZARD_API_TOKEN", "op-kept-out",
                "GITHUB_WEBHOOK_SECRET", "hook-kept-out",
                "WIZARD_DB_URL", "jdbc:postgresql://wiz:url-pw-kept-out@db.example.com/wizard?password=also-out",
                "WIZARD_PORT", "9099");

        List<Setting> rows = EffectiveSettings.of(SettingsLoader.load(env));

        String all = rows.toString();
        for (String secret : List.of("pw-kept-out", "op-kept-out", "hook-kept-out", "also-out")) {
            assertFalse(all.contains(secret), secret + " leaked: " + all);
        }
        Map<String, String> shown = byName(rows);
        assertEquals("set (hidden)", shown.get("WIZARD_DB_PASSWORD"));
        assertEquals("not set", shown.get("GITHUB_TOKEN"));
        assertEquals("9099", shown.get("WIZARD_PORT"), "what runs, from whichever source");
        assertEquals("jdbc:postgresql://***@db.example.com/wizard?password=***", shown.get("WIZARD_DB_URL"));
    }

    @Test
    void theEmbeddedDefaultsAreNamed() {
        Map<String, String> shown = byName(EffectiveSettings.of(SettingsLoader.load(Map.of())));

        assertEquals("embedded H2", shown.get("WIZARD_DB_URL"));
        assertEquals("in-process coordination", shown.get("WIZARD_REDIS_URL"));
    }
}
