package dev.aiwizard.app;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.app.config.ModelPrices;
import dev.aiwizard.core.Telemetry;
import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.FunctionalCounter;
import io.helidon.metrics.api.Gauge;
import io.helidon.metrics.api.Meter;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Metrics;
import io.helidon.metrics.api.Tag;
import io.helidon.metrics.api.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The engine's telemetry as Helidon metrics, served on {@code /metrics} in Prometheus' format. Every name below is
 * what Prometheus sees ({@code .} becomes {@code _}; timers add {@code _seconds}, counters {@code _total}); the list is
 * {@link #METRICS}, which docs/operations.md and the dashboard test follow. Labels come from small fixed sets; model
 * names, which people may choose, are capped at {@value #MAX_MODELS} distinct values and then reported as
 * {@code other}, so no label can grow without bound. Model cost is counted only for the models of the price table
 * ({@link ModelPrices}), so its labels are the table's entries.
 */
final class MetricsTelemetry implements Telemetry, AutoCloseable {
    /** Every metric family the bot exports, as Prometheus names it (without the per-series suffixes). */
    static final List<String> METRICS = List.of(
            "wizard_turn_seconds", "wizard_conversations_started_total", "wizard_dedup_hits_total",
            "wizard_ack_seconds", "wizard_turns_queued", "wizard_turns_refused_total",
            "wizard_jobs_started_total", "wizard_jobs_running", "wizard_job_seconds",
            "wizard_validation_seconds",
            "wizard_model_calls_total", "wizard_model_tokens_total", "wizard_model_cost_usd_total",
            "wizard_model_paused",
            "wizard_github_calls_total", "wizard_github_rate_limit_wait_seconds");
    static final int MAX_MODELS = 20;
    private static final System.Logger LOG = System.getLogger(MetricsTelemetry.class.getName());

    /** Latency buckets for chat work: Slack wants an answer within 3 s, the targets are tens of milliseconds. */
    private static final Duration[] FAST = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5)};
    /** Buckets for jobs and validation: seconds to many minutes. */
    private static final Duration[] SLOW = {Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(15),
            Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5),
            Duration.ofMinutes(10), Duration.ofMinutes(20)};

    private final MeterRegistry registry = Metrics.globalRegistry();
    private final AtomicInteger running = new AtomicInteger();
    private final Set<String> models = ConcurrentHashMap.newKeySet();
    private final List<Meter> owned = new ArrayList<>();
    /** The refusal counts each platform's counter reads: the newest bot's queues (see {@link #turnQueues}). */
    private static final Map<String, LongSupplier> REFUSED = new ConcurrentHashMap<>();
    private final Map<String, LongSupplier> refusedSources = new ConcurrentHashMap<>();
    private final ModelPrices prices;

    /** Telemetry that costs no model (tests). */
    MetricsTelemetry() {
        this(ModelPrices.NONE);
    }

    /** Telemetry that counts what model calls cost at {@code prices}. */
    MetricsTelemetry(ModelPrices prices) {
        this.prices = requireNonNull(prices, "prices");
        gauge("wizard.jobs.running", "Generation jobs this replica is running now", List.of(), () -> (double) running.get());
    }

    @Override
    public void turn(String platform, Duration took) {
        turn(platform, TurnOutcome.HANDLED, took);
    }

    @Override
    public void turn(String platform, TurnOutcome outcome, Duration took) {
        String result = outcome.name().toLowerCase(Locale.ROOT);
        registry.getOrCreate(Timer.builder("wizard.turn").buckets(FAST)
                .tags(List.of(Tag.create("platform", platform), Tag.create("outcome", result)))
                .description("Time to store, interview and answer one message, by outcome")).record(took);
        if (outcome == TurnOutcome.DUPLICATE) {
            registry.getOrCreate(Counter.builder("wizard.dedup.hits").tags(List.of(Tag.create("platform", platform)))
                    .description("Deliveries recognised as seen before and ignored")).increment();
        }
    }

    @Override
    public void conversationStarted(String platform) {
        registry.getOrCreate(Counter.builder("wizard.conversations.started")
                .tags(List.of(Tag.create("platform", platform))).description("Conversations started")).increment();
    }

    @Override
    public void jobStarted() {
        running.incrementAndGet();
        registry.getOrCreate(Counter.builder("wizard.jobs.started").description("Generation jobs claimed and started"))
                .increment();
    }

    @Override
    public void jobFinished(JobOutcome outcome, Duration took) {
        running.updateAndGet(n -> Math.max(0, n - 1));
        registry.getOrCreate(Timer.builder("wizard.job").buckets(SLOW)
                .tags(List.of(Tag.create("state", outcome.name().toLowerCase(Locale.ROOT))))
                .description("Generation job run time by final state")).record(took);
    }

    @Override
    public void validation(String outcome, Duration took) {
        registry.getOrCreate(Timer.builder("wizard.validation").buckets(SLOW)
                .tags(List.of(Tag.create("outcome", outcome)))
                .description("Sandbox runs of generated projects' own tests, by outcome")).record(took);
    }

    @Override
    public void modelCall(String provider, String model, String outcome, long inputTokens, long outputTokens) {
        String m = bounded(model);
        registry.getOrCreate(Counter.builder("wizard.model.calls")
                .tags(List.of(Tag.create("provider", provider), Tag.create("model", m), Tag.create("outcome", outcome)))
                .description("Language model calls by outcome (refused: the breaker was open)")).increment();
        tokens(provider, m, "input", inputTokens);
        tokens(provider, m, "output", outputTokens);
        // Priced by the name the call was made with: the table names models, never "other".
        prices.price(provider, model).ifPresent(price -> cost(provider, model, price.cost(inputTokens, outputTokens)));
    }

    private void cost(String provider, String model, double usd) {
        Counter counter = registry.getOrCreate(Counter.builder("wizard.model.cost.usd")
                .tags(List.of(Tag.create("provider", provider), Tag.create("model", model)))
                .description("What model calls cost in US dollars, from the tokens they used and the price table"));
        // Helidon's Counter adds whole numbers only; the Micrometer counter under it adds fractions of a dollar.
        if (counter.unwrap(Object.class) instanceof io.micrometer.core.instrument.Counter dollars) {
            dollars.increment(usd);
        }
    }

    /** Logs the models of {@code provider} among {@code models} that have no price, so their cost is not counted. */
    void warnUnpriced(String provider, Collection<String> models) {
        List<String> unpriced = models.stream().filter(m -> m != null && !m.isBlank()).distinct()
                .filter(m -> prices.price(provider, m).isEmpty()).map(m -> provider + "/" + m).toList();
        if (!unpriced.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "no price for " + String.join(", ", unpriced) + " in WIZARD_LLM_PRICES: "
                    + "their tokens are counted, their cost is not (wizard_model_cost_usd_total)");
        }
    }

    private void tokens(String provider, String model, String direction, long n) {
        registry.getOrCreate(Counter.builder("wizard.model.tokens")
                .tags(List.of(Tag.create("provider", provider), Tag.create("model", model),
                        Tag.create("direction", direction)))
                .description("Tokens sent to (input) and received from (output) the model")).increment(n);
    }

    @Override
    public void gitHubCall(int status) {
        String klass = status <= 0 ? "none" : status / 100 + "xx";
        registry.getOrCreate(Counter.builder("wizard.github.calls").tags(List.of(Tag.create("status", klass)))
                .description("GitHub REST API calls by status class (none: no answer)")).increment();
    }

    @Override
    public void gitHubRateLimitWait(String limit, Duration waited) {
        registry.getOrCreate(Timer.builder("wizard.github.rate.limit.wait").tags(List.of(Tag.create("limit", limit)))
                .description("Waits for GitHub's primary or secondary rate limit")).record(waited);
    }

    /**
     * Records how long an inbound event of {@code platform} that came over {@code transport} ({@code http} or
     * {@code socket_mode} for Slack, {@code gateway} for Discord) took to be acknowledged, and how it was answered:
     * {@code status} is the HTTP status of the answer, or of Discord's reply to it; 0 when there was none.
     */
    void acknowledged(String platform, String transport, int status, Duration took) {
        registry.getOrCreate(Timer.builder("wizard.ack").buckets(FAST)
                .tags(List.of(Tag.create("platform", platform), Tag.create("transport", transport),
                        Tag.create("outcome", ackOutcome(status))))
                .description("Time from a platform's event to the bot's acknowledgement (shed: refused with 503, "
                        + "so the platform sends it again)")).record(took);
    }

    private static String ackOutcome(int status) {
        if (status <= 0 || status >= 500 && status != 503) {
            return "error";
        }
        return status < 300 ? "ok" : status == 503 ? "shed" : "refused";
    }

    /** Exports one platform's turn queues: work waiting or running, and work refused since start. */
    void turnQueues(String platform, LongSupplier queued, LongSupplier refused) {
        List<Tag> tags = List.of(Tag.create("platform", platform));
        gauge("wizard.turns.queued", "Chat turns accepted and not finished", tags, () -> (double) queued.getAsLong());
        // A functional counter, once registered, keeps reading what it was given even after it is removed (the
        // registry underneath keeps it), so it reads the current queues through REFUSED instead: a bot started
        // after another in the same JVM (tests) reports its own count, as a restarted process would.
        REFUSED.put(platform, refused);
        refusedSources.put(platform, refused);
        registry.getOrCreate(FunctionalCounter.builder("wizard.turns.refused", platform,
                p -> REFUSED.getOrDefault(p, () -> 0L).getAsLong()).tags(tags)
                .description("Chat turns refused over a limit (load shed)"));
    }

    /** Exports whether the model provider's calls are paused by the circuit breaker (1) or not (0). */
    void modelPaused(String provider, BooleanSupplier paused) {
        gauge("wizard.model.paused", "1 while the model's circuit breaker is open and calls are paused",
                List.of(Tag.create("provider", provider)), () -> paused.getAsBoolean() ? 1.0 : 0.0);
    }

    private void gauge(String name, String description, List<Tag> tags, Supplier<Double> value) {
        // A gauge reads this instance's state; one left by an earlier bot in this JVM (tests) is replaced.
        replace(name, tags);
        owned.add(registry.getOrCreate(Gauge.builder(name, value).tags(tags).description(description)));
    }

    private void replace(String name, List<Tag> tags) {
        registry.remove(name, tags);
    }

    private String bounded(String model) {
        String m = model == null || model.isBlank() ? "default" : model;
        if (models.contains(m) || models.size() < MAX_MODELS && models.add(m)) {
            return m;
        }
        return "other";
    }

    /** Removes the gauges that read this instance, so a closed bot is not scraped. */
    @Override
    public void close() {
        owned.forEach(registry::remove);
        owned.clear();
        refusedSources.forEach(REFUSED::remove);
        refusedSources.clear();
    }
}
