package dev.aiwizard.app.config;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppSettingsTest {
    @Test
    void theSettingsAsLoggedShowNoSecret() {
        Map<String, String> env = Map.of("WIZARD_DB_PASSWORD", "db-password-123", "WIZARD_API_TOKEN", "api-token-456",
                "WIZARD_REDIS_URL", "redis://:redis-password-789@127.0.0.1:6379", "GITHUB_TOKEN", "github-token-012",
                "GITHUB_WEBHOOK_SECRET", "hook-secret-345", "SLACK_BOT_TOKEN", "slack-token-678",
                "SLACK_SIGNING_SECRET", "signing-secret-901");

        String shown = SettingsLoader.load(env).toString();

        for (String secret : List.of("db-password-123", "api-token-456", "redis-password-789", "github-token-012",
                "hook-secret-345", "slack-token-678", "signing-secret-901")) {
            assertFalse(shown.contains(secret), secret + " in " + shown);
        }
    }
}
