package dev.aiwizard.app.config;

import dev.aiwizard.core.spec.Spec;
import dev.aiwizard.generator.llm.LlmSettings;
import dev.aiwizard.generator.llm.Provider;
import dev.aiwizard.generator.llm.Role;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The model provider, models, limits and prices from {@code wizard.llm}; keys from the environment only. */
final class LlmBinding {
    private LlmBinding() {
    }

    static LlmSettings llm(ConfigSection llm, Map<String, String> env) {
        Provider provider;
        try {
            provider = Provider.parse(llm.string("provider"));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(llm.name("provider") + ": " + e.getMessage());
        }
        String baseUrl = switch (provider) {
            case OPENAI -> llm.string("openai-base-url");
            case ANTHROPIC -> llm.string("anthropic-base-url");
            case OLLAMA -> llm.string("ollama-base-url");
            case OFFLINE -> null;
        };
        String key = switch (provider) {
            case OPENAI -> env.getOrDefault("OPENAI_API_KEY", "");
            case ANTHROPIC -> env.getOrDefault("ANTHROPIC_API_KEY", "");
            default -> "";
        };
        Map<Role, String> roles = new EnumMap<>(Role.class);
        for (Role r : Role.values()) {
            String model = llm.string(r.name().toLowerCase(Locale.ROOT) + "-model");
            if (!model.isEmpty()) {
                roles.put(r, model);
            }
        }
        String model = llm.string("model");
        try {
            // Backoff, circuit breaker and JSON re-asks are fixed behaviour (docs/configuration.md), not settings.
            return new LlmSettings(provider, baseUrl, key.isBlank() ? null : key,
                    model.isEmpty() ? null : model, roles, llm.seconds("timeout-seconds"), llm.integer("retries"),
                    Duration.ofSeconds(1), Duration.ofSeconds(60), 5, Duration.ofSeconds(30),
                    llm.integer("concurrency"), llm.integer("repair-rounds"), 2, llm.integer("max-output-tokens"),
                    llm.longValue("job-token-budget"), llm.longValue("daily-token-budget"));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("model settings: " + e.getMessage());
        }
    }

    /** The models people may choose with {@code model=}; none by default, since a model choice changes cost. */
    static List<String> allowedModels(ConfigSection llm) {
        List<String> models = llm.list("allowed-models");
        for (String name : models) {
            if (!Spec.MODEL.matcher(name).matches()) {
                throw new ConfigException(llm.name("allowed-models") + " names '" + name
                        + "', which is not a model name");
            }
        }
        return models;
    }

    static ModelPrices prices(ConfigSection llm) {
        return ModelPrices.parse(llm.string("prices"), llm.name("prices"));
    }
}
