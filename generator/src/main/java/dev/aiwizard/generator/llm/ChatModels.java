package dev.aiwizard.generator.llm;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;

/**
 * Builds LangChain4j chat models for a provider. The library's own retries are off: {@link ModelGateway} retries
 * with backoff, honours {@code Retry-After} and trips the circuit breaker, and the two would otherwise stack.
 */
final class ChatModels {
    private ChatModels() {
    }

    /** A model named {@code modelName} at the provider {@code settings} configure. */
    static ChatModel create(LlmSettings settings, String modelName) {
        return switch (settings.provider()) {
            case OPENAI -> openAi(settings, settings.baseUrl(), settings.apiKey(), modelName);
            // Ollama serves the OpenAI protocol under /v1; it needs no key but the client sends one.
            case OLLAMA -> openAi(settings, stripSlash(settings.baseUrl()) + "/v1", "ollama", modelName);
            case ANTHROPIC -> AnthropicChatModel.builder()
                    .httpClientBuilder(ModelHttpClient.builder())
                    .baseUrl(settings.baseUrl())
                    .apiKey(settings.apiKey())
                    .modelName(modelName)
                    .maxTokens(settings.maxOutputTokens())
                    .timeout(settings.callTimeout())
                    .maxRetries(0)
                    .build();
            case OFFLINE -> throw new IllegalStateException("the offline provider has no model");
        };
    }

    /** Whether the provider takes a JSON schema as the response format (else the prompt describes the shape). */
    static boolean supportsJsonSchema(Provider provider) {
        return provider == Provider.OPENAI || provider == Provider.OLLAMA;
    }

    private static ChatModel openAi(LlmSettings settings, String baseUrl, String key, String modelName) {
        return OpenAiChatModel.builder()
                .httpClientBuilder(ModelHttpClient.builder())
                .baseUrl(baseUrl)
                .apiKey(key == null || key.isBlank() ? "none" : key)
                .modelName(modelName)
                .maxTokens(settings.maxOutputTokens())
                .supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA)
                .strictJsonSchema(true)
                .timeout(settings.callTimeout())
                .maxRetries(0)
                .build();
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
