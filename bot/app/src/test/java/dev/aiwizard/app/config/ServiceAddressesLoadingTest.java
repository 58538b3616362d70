package dev.aiwizard.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Where the bot reaches Slack, Discord, GitHub and the model providers: application.yaml's addresses, or the env's. */
class ServiceAddressesLoadingTest {
    private static final Map<String, String> PLATFORMS = Map.of("SLACK_BOT_TOKEN", "slack-bot-value",
            "SLACK_SIGNING_SECRET", "signing-value", "DISCORD_BOT_TOKEN", "discord-bot-value");

    @Test
    void theServicesOwnAddressesAreTheShippedDefaults() {
        AppSettings s = SettingsLoader.load(PLATFORMS);

        assertEquals("https://slack.com/api/", s.chat().slack().methodsUrlPrefix());
        assertEquals("https://discord.com/api/v10/", s.chat().discord().restBase());
        assertEquals(URI.create("https://api.github.com"), s.delivery().github().apiUrl());
        assertEquals("https://api.openai.com/v1", load("WIZARD_LLM_PROVIDER", "openai", "OPENAI_API_KEY", "sk-x")
                .engine().llm().baseUrl());
        assertEquals("https://api.anthropic.com/v1/", load("WIZARD_LLM_PROVIDER", "anthropic",
                "ANTHROPIC_API_KEY", "ak-x").engine().llm().baseUrl());
        assertEquals("http://localhost:11434", load("WIZARD_LLM_PROVIDER", "ollama").engine().llm().baseUrl());
    }

    @Test
    void theEnvironmentPointsThemElsewhere() {
        AppSettings s = load("SLACK_API_URL", "http://127.0.0.1:9/", "DISCORD_API_URL", "http://127.0.0.1:9/api/v10",
                "GITHUB_API_URL", "https://github.example.com/api/v3");

        assertEquals("http://127.0.0.1:9/api/", s.chat().slack().methodsUrlPrefix());
        assertEquals("http://127.0.0.1:9/api/v10/", s.chat().discord().restBase());
        assertEquals(URI.create("https://github.example.com/api/v3"), s.delivery().github().apiUrl());
    }

    @ParameterizedTest
    @ValueSource(strings = {"SLACK_API_URL", "DISCORD_API_URL", "GITHUB_API_URL", "OPENAI_BASE_URL"})
    void anEmptyAddressIsRefusedWithItsVariableNamed(String variable) {
        ConfigException e = assertThrows(ConfigException.class, () -> load("WIZARD_LLM_PROVIDER", "openai",
                "OPENAI_API_KEY", "sk-x", variable, ""));

        assertTrue(e.getMessage().contains(variable), e.getMessage());
    }

    @Test
    void openAisOwnApiStillNeedsAKeyWhileAnotherServerMayTakeNone() {
        ConfigException e = assertThrows(ConfigException.class, () -> load("WIZARD_LLM_PROVIDER", "openai"));
        assertTrue(e.getMessage().contains("OPENAI_API_KEY"), e.getMessage());

        assertEquals("http://127.0.0.1:8000/v1", load("WIZARD_LLM_PROVIDER", "openai", "OPENAI_BASE_URL",
                "http://127.0.0.1:8000/v1").engine().llm().baseUrl());
    }

    private static AppSettings load(String... pairs) {
        Map<String, String> env = new HashMap<>(PLATFORMS);
        env.put("WIZARD_LLM_MODEL", "some-model");
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return SettingsLoader.load(env);
    }
}
