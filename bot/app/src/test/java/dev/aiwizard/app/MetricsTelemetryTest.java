package dev.aiwizard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.app.config.ModelPrices;
import dev.aiwizard.core.Telemetry.JobOutcome;
import dev.aiwizard.core.Telemetry.TurnOutcome;
import io.helidon.webserver.WebServer;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bot's telemetry as Prometheus scrapes it from {@code /metrics}, on a real server. */
class MetricsTelemetryTest {
    /** The prices the tests cost calls at: gpt-4o-mini's list price, USD per million tokens in and out. */
    static final ModelPrices PRICES = ModelPrices.parse("openai/gpt-4o-mini=0.15:0.60", "WIZARD_LLM_PRICES");
    private final MetricsTelemetry telemetry = new MetricsTelemetry(PRICES);
    private WebServer server;

    @BeforeEach
    void start() {
        server = WebServer.builder().port(0).addFeature(HttpRoutes.observe()).build().start();
    }

    @AfterEach
    void stop() {
        telemetry.close();
        server.stop();
    }

    private double delta(PrometheusScrape before, PrometheusScrape after, String series, Map<String, String> labels) {
        return after.value(series, labels) - before.value(series, labels);
    }

    @Test
    void everyExportedFamilyIsScrapedWithPrometheusNamesAndMovesWithActivity() throws Exception {
        AtomicLong queued = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        telemetry.turnQueues("slack", queued::get, refused::get);
        telemetry.modelPaused("openai", () -> true);
        PrometheusScrape before = PrometheusScrape.of(server.port());

        everything(telemetry);
        queued.set(7);
        refused.set(3);
        PrometheusScrape after = PrometheusScrape.of(server.port());

        for (String family : MetricsTelemetry.METRICS) {
            assertTrue(after.families().containsKey(family), family + " is not scraped; families: "
                    + after.families().keySet());
        }
        assertEquals(1, delta(before, after, "wizard_turn_seconds_count", Map.of("platform", "slack",
                "outcome", "handled")));
        assertEquals(1, delta(before, after, "wizard_dedup_hits_total", Map.of("platform", "slack")));
        assertEquals(1, delta(before, after, "wizard_conversations_started_total", Map.of("platform", "slack")));
        assertEquals(1, delta(before, after, "wizard_ack_seconds_count", Map.of("platform", "slack",
                "transport", "http", "outcome", "shed")));
        assertEquals(1, delta(before, after, "wizard_ack_seconds_bucket", Map.of("platform", "slack",
                "transport", "http", "outcome", "ok", "le", "0.005")));
        assertEquals(1, delta(before, after, "wizard_ack_seconds_count", Map.of("platform", "slack",
                "transport", "socket_mode", "outcome", "ok")));
        assertEquals(1, delta(before, after, "wizard_ack_seconds_count", Map.of("platform", "discord",
                "transport", "gateway", "outcome", "ok")));
        assertEquals(7, after.value("wizard_turns_queued", Map.of("platform", "slack")));
        assertEquals(3, after.value("wizard_turns_refused_total", Map.of("platform", "slack")));
        assertEquals(1, delta(before, after, "wizard_jobs_started_total", Map.of()));
        assertEquals(0, after.value("wizard_jobs_running", Map.of()), "started and finished");
        assertEquals(40, delta(before, after, "wizard_job_seconds_sum", Map.of("state", "failed")), 0.01);
        assertEquals(1, delta(before, after, "wizard_validation_seconds_count", Map.of("outcome", "passed")));
        assertEquals(1200, delta(before, after, "wizard_model_tokens_total", Map.of("model", "gpt-4o-mini",
                "direction", "input")));
        assertEquals(1, delta(before, after, "wizard_model_calls_total", Map.of("provider", "openai",
                "outcome", "ok")));
        // 1,200 in at 0.15 and 300 out at 0.60 US dollars per million tokens.
        assertEquals(0.00036, delta(before, after, "wizard_model_cost_usd_total", Map.of("provider", "openai",
                "model", "gpt-4o-mini")), 1e-12);
        assertEquals(1, after.value("wizard_model_paused", Map.of("provider", "openai")));
        assertEquals(1, delta(before, after, "wizard_github_calls_total", Map.of("status", "2xx")));
        assertEquals(1, delta(before, after, "wizard_github_calls_total", Map.of("status", "none")));
        assertEquals(60, delta(before, after, "wizard_github_rate_limit_wait_seconds_sum",
                Map.of("limit", "secondary")), 0.01);
    }

    /** Something of every kind the bot reports: after this, every family has series. */
    static void everything(MetricsTelemetry telemetry) {
        telemetry.turn("slack", TurnOutcome.HANDLED, Duration.ofMillis(12));
        telemetry.turn("slack", TurnOutcome.DUPLICATE, Duration.ofMillis(1));
        telemetry.conversationStarted("slack");
        telemetry.acknowledged("slack", "http", 200, Duration.ofMillis(3));
        telemetry.acknowledged("slack", "http", 503, Duration.ofMillis(1));
        telemetry.acknowledged("slack", "socket_mode", 200, Duration.ofMillis(4));
        telemetry.acknowledged("discord", "gateway", 204, Duration.ofMillis(60));
        telemetry.jobStarted();
        telemetry.jobFinished(JobOutcome.FAILED, Duration.ofSeconds(40));
        telemetry.validation("passed", Duration.ofSeconds(20));
        telemetry.modelCall("openai", "gpt-4o-mini", "ok", 1200, 300);
        telemetry.gitHubCall(201);
        telemetry.gitHubCall(0);
        telemetry.gitHubRateLimitWait("secondary", Duration.ofMinutes(1));
    }

    @Test
    void labelsStayBoundedWhenPeopleChooseManyModels() throws Exception {
        for (int i = 0; i < MetricsTelemetry.MAX_MODELS + 30; i++) {
            telemetry.modelCall("ollama", "model-" + i, "ok", 1, 1);
        }
        PrometheusScrape scrape = PrometheusScrape.of(server.port());
        Set<String> models = new java.util.HashSet<>();
        scrape.samples().stream().filter(s -> s.name().equals("wizard_model_calls_total"))
                .filter(s -> "ollama".equals(s.labels().get("provider"))).forEach(s -> models.add(s.labels().get("model")));
        assertTrue(models.size() <= MetricsTelemetry.MAX_MODELS + 1, models.toString());
        assertTrue(models.contains("other"), models.toString());
    }

    @Test
    void onlyModelsWithAPriceAreCostedAndTheirCostAddsUpAcrossCalls() throws Exception {
        PrometheusScrape before = PrometheusScrape.of(server.port());

        telemetry.modelCall("openai", "gpt-4o-mini", "ok", 1_000_000, 0);
        telemetry.modelCall("openai", "gpt-4o-mini", "ok", 0, 500_000);
        telemetry.modelCall("openai", "a-model-without-a-price", "ok", 1_000_000, 1_000_000);
        telemetry.modelCall("anthropic", "gpt-4o-mini", "ok", 1_000_000, 1_000_000);
        PrometheusScrape after = PrometheusScrape.of(server.port());

        assertEquals(0.15 + 0.30, delta(before, after, "wizard_model_cost_usd_total", Map.of("provider", "openai",
                "model", "gpt-4o-mini")), 1e-9);
        Set<String> costed = new java.util.HashSet<>();
        after.samples().stream().filter(s -> s.name().equals("wizard_model_cost_usd_total"))
                .forEach(s -> costed.add(s.labels().get("provider") + "/" + s.labels().get("model")));
        assertTrue(costed.contains("openai/gpt-4o-mini"), costed.toString());
        assertFalse(costed.contains("openai/a-model-without-a-price"), "no price, no cost series: " + costed);
        assertFalse(costed.contains("anthropic/gpt-4o-mini"), "priced per provider: " + costed);
        assertEquals(2_000_000, delta(before, after, "wizard_model_tokens_total", Map.of("model",
                "a-model-without-a-price")), "its tokens are counted all the same");
    }

    @Test
    void noSeriesOfTheBotIsLabelledWithAnId() throws Exception {
        telemetry.turn("console", TurnOutcome.HANDLED, Duration.ofMillis(1));
        PrometheusScrape scrape = PrometheusScrape.of(server.port());
        scrape.samples().stream().filter(s -> s.name().startsWith("wizard_")).forEach(s -> {
            for (String label : s.labels().keySet()) {
                assertTrue(Set.of("platform", "transport", "outcome", "state", "provider", "model", "direction",
                        "status", "limit", "le", "quantile", "scope").contains(label), s + " has an unexpected label "
                        + label);
            }
        });
    }
}
