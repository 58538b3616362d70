package dev.aiwizard.generator.llm;

import java.util.Locale;

/** Where the language model runs. {@link #OFFLINE} means no model: the built-in engines do all the work. */
public enum Provider {
    OFFLINE,
    /** Any OpenAI-compatible chat-completions endpoint: OpenAI, Azure OpenAI, vLLM, LM Studio, llama.cpp server. */
    OPENAI,
    ANTHROPIC,
    /** Ollama, reached through its OpenAI-compatible endpoint ({@code <base>/v1}). */
    OLLAMA;

    /** The provider named {@code value} (case-insensitive), or an error listing the valid names. */
    public static Provider parse(String value) {
        for (Provider p : values()) {
            if (p.name().equalsIgnoreCase(value.strip())) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown model provider '" + value + "'; use one of offline, openai, "
                + "anthropic, ollama");
    }

    /** The lower-case name used in configuration and messages. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
