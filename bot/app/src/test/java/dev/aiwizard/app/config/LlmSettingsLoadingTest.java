package dev.aiwizard.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.generator.llm.Provider;
import dev.aiwizard.generator.llm.Role;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The model settings come from application.yaml and the environment, keys only from the environment. */
class LlmSettingsLoadingTest {
    private static AppSettings load(String... env) {
        Map<String, String> vars = new HashMap<>();
        for (int i = 0; i + 1 < env.length; i += 2) {
            vars.put(env[i], env[i + 1]);
        }
        return SettingsLoader.load(vars);
    }

    @Test
    void theDefaultIsOfflineWithTheDocumentedLimits() {
        var llm = load().engine().llm();
        assertEquals(Provider.OFFLINE, llm.provider());
        assertFalse(llm.usesModel());
        assertEquals(6, llm.concurrency());
        assertEquals(2, llm.repairRounds());
        assertEquals(3, llm.retries());
        assertEquals(400_000, llm.jobTokenBudget());
        assertEquals(2_000_000, llm.dailyTokenBudget());
    }

    @Test
    void ollamaNeedsOnlyAModelAndPerRoleModelsOverrideIt() {
        var llm = load("WIZARD_LLM_PROVIDER", "ollama", "WIZARD_LLM_MODEL", "llama3.1",
                "WIZARD_LLM_INTERVIEWER_MODEL", "llama3.2:3b", "OLLAMA_BASE_URL", "http://gpu-box:11434").engine().llm();
        assertEquals(Provider.OLLAMA, llm.provider());
        assertEquals("http://gpu-box:11434", llm.baseUrl());
        assertEquals("llama3.2:3b", llm.modelFor(Role.INTERVIEWER));
        assertEquals("llama3.1", llm.modelFor(Role.CODER));
    }

    @Test
    void keysComeFromTheEnvironmentAreNeverShownAndAreCheckedForInGeneratedFiles() {
        var settings = load("WIZARD_LLM_PROVIDER", "anthropic", "WIZARD_LLM_MODEL", "claude",
                "ANTHROPIC_API_KEY", "ak-ant-secret-value-123");
        assertEquals("ak-ant-secret-value-123", settings.engine().llm().apiKey());
        assertFalse(settings.engine().llm().toString().contains("ak-ant-secret-value-123"), settings.engine().llm().toString());
        assertFalse(settings.engine().llm().describe().contains("ak-ant"));
        assertTrue(settings.engine().jobs().limits().knownSecrets().contains("ak-ant-secret-value-123"));
    }

    @Test
    void badModelSettingsNameWhatToFix() {
        ConfigException provider = assertThrows(ConfigException.class, () -> load("WIZARD_LLM_PROVIDER", "gemini"));
        assertTrue(provider.getMessage().startsWith("WIZARD_LLM_PROVIDER: unknown model provider 'gemini'"),
                provider.getMessage());
        ConfigException model = assertThrows(ConfigException.class, () -> load("WIZARD_LLM_PROVIDER", "openai",
                "OPENAI_API_KEY", "sk-x"));
        assertTrue(model.getMessage().contains("WIZARD_LLM_MODEL"), model.getMessage());
        ConfigException key = assertThrows(ConfigException.class, () -> load("WIZARD_LLM_PROVIDER", "anthropic",
                "WIZARD_LLM_MODEL", "claude"));
        assertTrue(key.getMessage().contains("ANTHROPIC_API_KEY"), key.getMessage());
        ConfigException budget = assertThrows(ConfigException.class, () -> load("WIZARD_LLM_JOB_TOKEN_BUDGET", "lots"));
        assertTrue(budget.getMessage().startsWith("WIZARD_LLM_JOB_TOKEN_BUDGET"), budget.getMessage());
    }
}
