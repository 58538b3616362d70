package dev.aiwizard.generator.llm;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * How the AI engine talks to a model: the provider and where it is, the model per role, and the limits that keep
 * it fast, safe and within budget. The API key is never shown by {@link #toString()}.
 *
 * @param provider          which provider, or {@link Provider#OFFLINE} for no model
 * @param baseUrl           the provider's base URL ({@code null} for {@link Provider#OFFLINE})
 * @param apiKey            the key, from the environment only; {@code null} when the provider needs none
 * @param model             the model for every role without its own
 * @param roleModels        a model per role, overriding {@code model}
 * @param callTimeout       how long one call may take
 * @param retries           retries after a failed call (429, 5xx, timeouts)
 * @param backoff           the first retry's wait; each next one doubles (1 s, 2 s, 4 s by default)
 * @param maxRetryAfter     the longest {@code Retry-After} honoured; a longer one gives up on the call at once
 * @param breakerThreshold  consecutive failures that open the circuit breaker
 * @param breakerOpenFor    how long the breaker stays open before one trial call
 * @param concurrency       files generated at once per job
 * @param repairRounds      repair rounds per job for files that failed validation
 * @param malformedRetries  extra calls when the model's answer is not the JSON asked for
 * @param maxOutputTokens   the output limit of one call
 * @param jobTokenBudget    tokens (in + out) one job may use
 * @param dailyTokenBudget  tokens one person may use per UTC day
 */
public record LlmSettings(Provider provider, String baseUrl, String apiKey, String model, Map<Role, String> roleModels,
                          Duration callTimeout, int retries, Duration backoff, Duration maxRetryAfter,
                          int breakerThreshold, Duration breakerOpenFor, int concurrency, int repairRounds,
                          int malformedRetries, int maxOutputTokens, long jobTokenBudget, long dailyTokenBudget) {

    public LlmSettings {
        requireNonNull(provider, "provider");
        roleModels = roleModels == null ? Map.of() : Map.copyOf(roleModels);
        requireNonNull(callTimeout, "callTimeout");
        requireNonNull(backoff, "backoff");
        requireNonNull(maxRetryAfter, "maxRetryAfter");
        requireNonNull(breakerOpenFor, "breakerOpenFor");
        if (provider != Provider.OFFLINE && (model == null || model.isBlank())) {
            throw new IllegalArgumentException("the " + provider.id() + " provider needs a model (WIZARD_LLM_MODEL)");
        }
        if (provider != Provider.OFFLINE && (baseUrl == null || baseUrl.isBlank())) {
            throw new IllegalArgumentException("the " + provider.id() + " provider needs its base URL ("
                    + provider.id().toUpperCase(Locale.ROOT) + "_BASE_URL)");
        }
        if (provider == Provider.OPENAI && isOpenAi(baseUrl) && (apiKey == null || apiKey.isBlank())) {
            throw new IllegalArgumentException("the openai provider needs OPENAI_API_KEY (or OPENAI_BASE_URL for a "
                    + "server that takes no key)");
        }
        if (provider == Provider.ANTHROPIC && (apiKey == null || apiKey.isBlank())) {
            throw new IllegalArgumentException("the anthropic provider needs ANTHROPIC_API_KEY");
        }
        positive(retries + 1, "retries must be >= 0");
        positive(breakerThreshold, "the breaker threshold must be >= 1");
        positive(concurrency, "the generation concurrency must be >= 1");
        positive(repairRounds + 1, "repair rounds must be >= 0");
        positive(malformedRetries + 1, "malformed-output retries must be >= 0");
        positive(maxOutputTokens, "max output tokens must be >= 1");
        if (jobTokenBudget < 1 || dailyTokenBudget < 1) {
            throw new IllegalArgumentException("token budgets must be >= 1");
        }
    }

    /** Whether a model is configured at all. */
    public boolean usesModel() {
        return provider != Provider.OFFLINE;
    }

    /** The model {@code role} uses. */
    public String modelFor(Role role) {
        return roleModels.getOrDefault(role, model);
    }

    /** "openai gpt-4o-mini at http://…", never the key. */
    public String describe() {
        return usesModel() ? provider.id() + " " + model + (baseUrl == null ? "" : " at " + baseUrl) : "offline";
    }

    /** The same settings with other limits on speed and retries (tests and benchmarks shorten waits). */
    public LlmSettings withTiming(Duration callTimeout, Duration backoff, Duration breakerOpenFor) {
        return new LlmSettings(provider, baseUrl, apiKey, model, roleModels, callTimeout, retries, backoff,
                maxRetryAfter, breakerThreshold, breakerOpenFor, concurrency, repairRounds, malformedRetries,
                maxOutputTokens, jobTokenBudget, dailyTokenBudget);
    }

    /** The same settings with {@code other} as the model of every role. */
    public LlmSettings withModel(String other) {
        return new LlmSettings(provider, baseUrl, apiKey, other, Map.of(), callTimeout, retries, backoff,
                maxRetryAfter, breakerThreshold, breakerOpenFor, concurrency, repairRounds, malformedRetries,
                maxOutputTokens, jobTokenBudget, dailyTokenBudget);
    }

    /** The same settings with other budgets. */
    public LlmSettings withBudgets(long jobTokens, long dailyTokens) {
        return new LlmSettings(provider, baseUrl, apiKey, model, roleModels, callTimeout, retries, backoff,
                maxRetryAfter, breakerThreshold, breakerOpenFor, concurrency, repairRounds, malformedRetries,
                maxOutputTokens, jobTokens, dailyTokens);
    }

    /** The same settings generating {@code files} files at once. */
    public LlmSettings withConcurrency(int files) {
        return new LlmSettings(provider, baseUrl, apiKey, model, roleModels, callTimeout, retries, backoff,
                maxRetryAfter, breakerThreshold, breakerOpenFor, files, repairRounds, malformedRetries,
                maxOutputTokens, jobTokenBudget, dailyTokenBudget);
    }

    @Override
    public String toString() {
        return "LlmSettings[" + describe() + ", key " + (apiKey == null ? "none" : "set") + ", roles " + roleModels
                + ", timeout " + callTimeout + ", retries " + retries + ", concurrency " + concurrency + "]";
    }

    /** Whether {@code baseUrl} is OpenAI's own API, which takes no call without a key. */
    private static boolean isOpenAi(String baseUrl) {
        try {
            return "api.openai.com".equalsIgnoreCase(URI.create(baseUrl.strip()).getHost());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("OPENAI_BASE_URL is not a URL: " + baseUrl);
        }
    }

    private static void positive(int value, String message) {
        if (value < 1) {
            throw new IllegalArgumentException(message);
        }
    }
}
