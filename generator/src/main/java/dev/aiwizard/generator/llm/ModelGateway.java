package dev.aiwizard.generator.llm;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiwizard.core.Telemetry;
import dev.aiwizard.core.retry.RetryPolicy;
import dev.aiwizard.core.retry.Sleeper;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The one way the engines call a model: JSON answers read into records, malformed answers re-asked within the
 * budget, retries by the bot's {@link RetryPolicy} (exponential backoff that honours {@code Retry-After}), and a
 * circuit breaker shared by every call to the provider ({@link ProviderBreaker}, on Resilience4j). Thread-safe; one
 * per provider.
 */
public final class ModelGateway {
    private static final System.Logger LOG = System.getLogger(ModelGateway.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final LlmSettings settings;
    private final Map<Role, ChatModel> models;
    private final Function<String, ChatModel> factory;
    private final ProviderBreaker breaker;
    private final RetryPolicy retries;
    private final Sleeper sleeper;
    private final Map<String, ModelGateway> overrides;
    private final Telemetry telemetry;

    ModelGateway(LlmSettings settings, Function<String, ChatModel> factory, Clock clock, Sleeper sleeper) {
        this(settings, factory, clock, sleeper, Telemetry.NONE);
    }

    ModelGateway(LlmSettings settings, Function<String, ChatModel> factory, Clock clock, Sleeper sleeper,
                 Telemetry telemetry) {
        this(settings, factory, new ProviderBreaker(settings.breakerThreshold(), settings.breakerOpenFor(), clock),
                sleeper, new ConcurrentHashMap<>(), telemetry);
    }

    private ModelGateway(LlmSettings settings, Function<String, ChatModel> factory, ProviderBreaker breaker,
                         Sleeper sleeper, Map<String, ModelGateway> overrides, Telemetry telemetry) {
        this.telemetry = requireNonNull(telemetry, "telemetry");
        this.settings = requireNonNull(settings, "settings");
        this.factory = requireNonNull(factory, "factory");
        Map<Role, ChatModel> byRole = new EnumMap<>(Role.class);
        Map<String, ChatModel> byName = new HashMap<>();
        for (Role r : Role.values()) {
            byRole.put(r, byName.computeIfAbsent(settings.modelFor(r), factory));
        }
        this.models = Map.copyOf(byRole);
        this.breaker = breaker;
        this.retries = new RetryPolicy(settings.retries() + 1, settings.backoff(), settings.maxRetryAfter());
        this.sleeper = requireNonNull(sleeper, "sleeper");
        this.overrides = overrides;
    }

    /** A gateway to the provider {@code settings} name, with one LangChain4j model per role. */
    public static ModelGateway connect(LlmSettings settings) {
        return connect(settings, Telemetry.NONE);
    }

    /** {@link #connect(LlmSettings)}, reporting every call (outcome and tokens) to {@code telemetry}. */
    public static ModelGateway connect(LlmSettings settings, Telemetry telemetry) {
        if (!settings.usesModel()) {
            throw new IllegalArgumentException("no model provider is configured");
        }
        return new ModelGateway(settings, name -> ChatModels.create(settings, name), Clock.systemUTC(), Sleeper.REAL,
                telemetry);
    }

    /**
     * This provider with {@code model} for every role (a person's {@code model=} choice); shares the circuit
     * breaker, since the provider is the same. {@code null} is this gateway.
     */
    ModelGateway withModel(String model) {
        if (model == null) {
            return this;
        }
        return overrides.computeIfAbsent(model, m -> new ModelGateway(settings.withModel(m), factory, breaker, sleeper,
                overrides, telemetry));
    }

    /** The settings this gateway calls with. */
    public LlmSettings settings() {
        return settings;
    }

    /** Whether calls are paused because the provider kept failing (the breaker is open), for metrics. */
    public boolean paused() {
        return breaker.paused();
    }

    /**
     * Asks and reads the answer into {@code ask.type()}. An answer that is not valid JSON or fails the check is
     * re-asked, saying what was wrong, up to the configured number of times.
     *
     * @throws MalformedOutputException   when every answer was unusable
     * @throws ModelUnavailableException  when the provider cannot answer
     * @throws BudgetExceededException    when the meter's budget is spent
     */
    <T> T ask(StructuredAsk<T> ask, UsageMeter meter) {
        return ask(ask, meter, problem -> { });
    }

    /** {@link #ask(StructuredAsk, UsageMeter)}, telling {@code rejected} why each unusable answer was refused. */
    <T> T ask(StructuredAsk<T> ask, UsageMeter meter, java.util.function.Consumer<String> rejected) {
        boolean schemaFormat = ChatModels.supportsJsonSchema(settings.provider());
        String system = ask.system() + "\n\nAnswer with exactly one JSON object and nothing else, of this shape:\n"
                + ask.shape();
        List<ChatMessage> messages = new ArrayList<>(List.of(SystemMessage.from(system), UserMessage.from(ask.user())));
        ResponseFormat format = schemaFormat ? ResponseFormat.builder().type(ResponseFormatType.JSON)
                .jsonSchema(JsonSchema.builder().name(ask.schemaName()).rootElement(ask.schema()).build()).build()
                : null;
        String problem = null;
        for (int attempt = 0; attempt <= settings.malformedRetries(); attempt++) {
            ChatRequest.Builder request = ChatRequest.builder().messages(messages);
            if (format != null) {
                request.responseFormat(format);
            }
            ChatResponse response = call(ask.role(), request.build(), meter);
            String text = response.aiMessage() == null ? null : response.aiMessage().text();
            try {
                T value = read(text, ask.type());
                problem = ask.check().apply(value);
                if (problem == null) {
                    return value;
                }
            } catch (JsonProcessingException | IllegalArgumentException e) {
                problem = "the answer is not the JSON object asked for (" + firstLine(e.getMessage()) + ")";
            }
            rejected.accept(problem);
            LOG.log(System.Logger.Level.INFO, "model answer to {0} unusable (attempt {1}): {2}", ask.schemaName(),
                    attempt + 1, problem);
            // The unusable answer itself is not sent back: it may hold a secret (even the bot's own key), and the
            // reason is enough to correct it.
            messages.add(UserMessage.from("Your previous answer cannot be used: " + problem
                    + ". Answer again with only the corrected JSON object."));
        }
        throw new MalformedOutputException(problem);
    }

    /** One model call with retries and the breaker; counts the usage. */
    ChatResponse call(Role role, ChatRequest request, UsageMeter meter) {
        try {
            return retries.call(sleeper, () -> attempt(role, request, meter), g -> new ModelUnavailableException(
                    g.last().getMessage() + (g.refusedWait() == null ? " (gave up after " + g.attempts() + " attempts)"
                            : "; the provider asked to wait " + g.refusedWait().toSeconds() + " s, longer than the "
                            + settings.maxRetryAfter().toSeconds() + " s the bot waits"), g.last().getCause()));
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new ModelUnavailableException("interrupted while waiting to retry the model", ie);
        }
    }

    /** One attempt through the breaker; a failure another attempt may mend is a {@link RetryPolicy.TryAgain}. */
    private ChatResponse attempt(Role role, ChatRequest request, UsageMeter meter) {
        // The budget first: a refused call must not take the breaker's one half-open trial with it.
        meter.checkBeforeCall();
        if (!breaker.allow()) {
            report(role, "refused", null);
            throw new ModelUnavailableException("the model provider failed " + settings.breakerThreshold()
                    + " times in a row, so calls are paused until " + breaker.reopensAt(), null);
        }
        try {
            ChatResponse response = models.get(role).chat(request);
            breaker.success();
            meter.add(settings.provider().id() + "/" + settings.modelFor(role), response.tokenUsage());
            report(role, "ok", response.tokenUsage());
            LOG.log(System.Logger.Level.DEBUG, "model call {0} ({1}): {2}", role, settings.modelFor(role),
                    response.tokenUsage());
            return response;
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                // Our own cancellation (another file of the job failed), not the provider's fault.
                breaker.abandon();
                throw new ModelUnavailableException("the call was cancelled", e);
            }
            breaker.failure(e);
            report(role, "failed", null);
            Failure f = Failure.of(e, settings.callTimeout());
            if (!f.retriable()) {
                throw new ModelUnavailableException(f.description(), e);
            }
            throw new RetryPolicy.TryAgain(f.description(), f.retryAfter(), e);
        }
    }

    private void report(Role role, String outcome, dev.langchain4j.model.output.TokenUsage usage) {
        long in = usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
        long out = usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
        telemetry.modelCall(settings.provider().name().toLowerCase(java.util.Locale.ROOT), settings.modelFor(role),
                outcome, in, out);
    }

    static <T> T read(String text, Class<T> type) throws JsonProcessingException {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the answer is empty");
        }
        String t = text.strip();
        if (t.startsWith("```")) {
            // Models without a response format sometimes fence their JSON.
            int start = t.indexOf('\n');
            int end = t.lastIndexOf("```");
            t = start > 0 && end > start ? t.substring(start + 1, end) : t;
        }
        T value = JSON.readValue(t, type);
        if (value == null) {
            throw new IllegalArgumentException("the answer is null");
        }
        return value;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Why a call failed, whether another attempt may help, and how long the provider asked us to wait. */
    private record Failure(String description, boolean retriable, Duration retryAfter) {
        static Failure of(RuntimeException e, Duration timeout) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                // Our client's exception first: it alone knows the Retry-After the library's wrappers drop.
                if (t instanceof ModelHttpException http) {
                    int s = http.statusCode();
                    boolean retriable = s == 408 || s == 429 || s >= 500;
                    return new Failure(describe(s), retriable, http.retryAfter().orElse(null));
                }
            }
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof HttpTimeoutException || t instanceof TimeoutException) {
                    return new Failure("the model did not answer within " + timeout.toSeconds() + " s", true, null);
                }
                if (t instanceof RateLimitException) {
                    return new Failure("the provider is rate limiting (429)", true, null);
                }
                if (t instanceof IOException io) {
                    return new Failure("the model provider cannot be reached (" + io.getClass().getSimpleName() + ")",
                            true, null);
                }
            }
            return new Failure("the model call failed (" + e.getClass().getSimpleName() + ")", false, null);
        }

        private static String describe(int status) {
            return switch (status) {
                case 401, 403 -> "the model provider refused the API key (" + status + ")";
                case 404 -> "the model provider does not know the model or endpoint (404)";
                case 408 -> "the model provider timed out (408)";
                case 429 -> "the model provider is rate limiting (429)";
                default -> status >= 500 ? "the model provider failed (" + status + ")"
                        : "the model provider rejected the request (" + status + ")";
            };
        }
    }
}
