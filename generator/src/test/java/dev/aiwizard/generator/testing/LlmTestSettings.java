package dev.aiwizard.generator.testing;

import dev.aiwizard.generator.llm.LlmSettings;
import dev.aiwizard.generator.llm.Provider;
import java.time.Duration;
import java.util.Map;

/**
 * Model settings for tests, with the limits {@code application.yaml} ships written out (the main code has no copy of
 * them; the application binds them from the file) and the fixed backoff and circuit breaker.
 */
public final class LlmTestSettings {
    private LlmTestSettings() {
    }

    /** {@code provider} at {@code baseUrl} with {@code model} for every role. */
    public static LlmSettings of(Provider provider, String baseUrl, String apiKey, String model) {
        return new LlmSettings(provider, baseUrl, apiKey, model, Map.of(), Duration.ofSeconds(120), 3,
                Duration.ofSeconds(1), Duration.ofSeconds(60), 5, Duration.ofSeconds(30), 6, 2, 2, 8192,
                400_000, 2_000_000);
    }
}
