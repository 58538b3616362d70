package dev.aiwizard.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.aiwizard.app.config.AppSettings;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark (which the launcher also runs, hidden, to train the start-up cache) measures the bot's own turns:
 * whatever its environment holds, it never becomes a bot on Slack or Discord, never calls a model or GitHub, and
 * never pushes anywhere.
 */
class TurnBenchmarkTest {
    @TempDir
    Path data;

    /** What an operator's shell typically holds when they run {@code ./wizard}. */
    private static Map<String, String> operatorEnvironment() {
        Map<String, String> env = new HashMap<>();
        env.put("SLACK_BOT_TOKEN", "xoxb-real-bot-token");
        env.put("SLACK_SIGNING_SECRET", "real-signing-secret");
        env.put("SLACK_APP_TOKEN", "xapp-real-app-token");
        env.put("DISCORD_BOT_TOKEN", "real-discord-token");
        env.put("GITHUB_TOKEN", "ghp_realtoken");
        env.put("GITHUB_WEBHOOK_SECRET", "real-webhook-secret");
        env.put("WIZARD_LLM_PROVIDER", "openai");
        env.put("WIZARD_LLM_MODEL", "gpt-4.1");
        env.put("OPENAI_API_KEY", "sk-real");
        env.put("WIZARD_TARGET", "acme/app");
        env.put("WIZARD_HOST", "0.0.0.0");
        env.put("WIZARD_CONFIG", "/nowhere/wizard.yaml");
        env.put("WIZARD_API_TOKEN", "real-api-token");
        return env;
    }

    @Test
    void platformModelGitHubAndTargetSettingsInTheEnvironmentAreIgnored() {
        AppSettings s = TurnBenchmark.settings(operatorEnvironment(), data);

        assertNull(s.chat().slack(), "no Slack");
        assertNull(s.chat().discord(), "no Discord");
        assertFalse(s.engine().llm().usesModel(), "offline engines only");
        assertFalse(s.delivery().github().enabled(), "no GitHub access");
        assertEquals("", s.delivery().webhookSecret());
        assertEquals("local", s.delivery().target());
        assertEquals("", s.server().apiToken());
        assertEquals("127.0.0.1", s.server().host(), "the web server is reachable from this machine only");
        assertEquals(0, s.server().port());
        assertEquals(AppSettings.ConsoleMode.OFF, s.chat().console());
    }

    @Test
    void storageSettingsAreKeptSoTurnsCanBeMeasuredOnPostgres() {
        Map<String, String> env = operatorEnvironment();
        env.put("WIZARD_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        env.put("WIZARD_DB_USER", "postgres");
        env.put("WIZARD_REDIS_URL", "redis://127.0.0.1:6379");
        env.put("WIZARD_DATA_DIR", data.resolve("given").toString());

        AppSettings s = TurnBenchmark.settings(env, data);

        assertEquals("jdbc:postgresql://127.0.0.1:5432/test", s.persistence().dbUrl());
        assertEquals("postgres", s.persistence().dbUser());
        assertEquals("redis://127.0.0.1:6379", s.persistence().redisUrl());
        assertEquals(data.resolve("given"), s.persistence().dataDir());
        assertNull(s.chat().slack());
    }

    @Test
    void withoutADataDirectoryTheGivenScratchDirectoryIsUsed() {
        assertEquals(data, TurnBenchmark.settings(Map.of(), data).persistence().dataDir());
    }
}
