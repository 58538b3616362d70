package dev.aiwizard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.webserver.WebServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Grafana dashboard and the Prometheus alert rules in deploy/ use only series the bot really exports: each metric
 * name in their queries must be a series of a live scrape of the bot's {@code /metrics} after every kind of activity.
 */
class DashboardAndAlertsTest {
    private static final Path ROOT = repositoryRoot();
    private static final Pattern METRIC = Pattern.compile("\\bwizard_[a-z0-9_]+\\b");
    /** The alerts' promised sections: each is a heading in docs/operations.md. */
    private static final Pattern ANCHOR = Pattern.compile("^#+\\s+(.*)$", Pattern.MULTILINE);

    private static MetricsTelemetry telemetry;
    private static WebServer server;
    private static Set<String> exported;
    private static Set<String> families;

    @BeforeAll
    static void scrapeTheBot() throws Exception {
        telemetry = new MetricsTelemetry(MetricsTelemetryTest.PRICES);
        telemetry.turnQueues("slack", () -> 0, () -> 0);
        telemetry.modelPaused("openai", () -> false);
        server = WebServer.builder().port(0).addFeature(HttpRoutes.observe()).build().start();
        MetricsTelemetryTest.everything(telemetry);
        PrometheusScrape scrape = PrometheusScrape.of(server.port());
        exported = scrape.samples().stream().map(PrometheusScrape.Sample::name).collect(Collectors.toSet());
        families = scrape.families().keySet();
    }

    @AfterAll
    static void stop() {
        telemetry.close();
        server.stop();
    }

    private static Path repositoryRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("deploy")) && Files.isRegularFile(p.resolve("wizard"))) {
                return p;
            }
        }
        throw new AssertionError("no repository root with deploy/ above " + Path.of("").toAbsolutePath());
    }

    /** The metric names in {@code expr} that the bot does not export. */
    static Set<String> unknownMetrics(String expr, Set<String> exported) {
        Set<String> unknown = new TreeSet<>();
        Matcher m = METRIC.matcher(expr);
        while (m.find()) {
            if (!exported.contains(m.group())) {
                unknown.add(m.group());
            }
        }
        return unknown;
    }

    private static List<String> dashboardQueries() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(ROOT.resolve("deploy/grafana/ai-wizard.json").toFile());
        assertEquals("ai-wizard", dashboard.path("uid").asText());
        List<String> exprs = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            if (panel.path("type").asText().equals("row")) {
                continue;
            }
            assertFalse(panel.path("title").asText().isBlank(), panel.toString());
            assertTrue(panel.path("targets").size() > 0, "panel without a query: " + panel.path("title"));
            for (JsonNode target : panel.path("targets")) {
                exprs.add(target.path("expr").asText());
            }
        }
        return exprs;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> alertRules() throws Exception {
        Map<String, Object> file = new Yaml().load(Files.readString(ROOT.resolve("deploy/prometheus/alerts.yml")));
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) file.get("groups")) {
            rules.addAll((List<Map<String, Object>>) group.get("rules"));
        }
        return rules;
    }

    @Test
    void everyDashboardQueryUsesOnlyMetricsTheBotExports() throws Exception {
        List<String> exprs = dashboardQueries();
        assertTrue(exprs.size() >= 10, exprs.toString());
        for (String expr : exprs) {
            assertTrue(METRIC.matcher(expr).find(), "a query that reads none of the bot's metrics: " + expr);
            assertEquals(Set.of(), unknownMetrics(expr, exported), "in the dashboard: " + expr);
        }
    }

    @Test
    void everyAlertUsesOnlyExportedMetricsAndLinksWhatToDoInOperationsMd() throws Exception {
        String operations = Files.readString(ROOT.resolve("docs/operations.md"));
        Set<String> anchors = new TreeSet<>();
        Matcher h = ANCHOR.matcher(operations);
        while (h.find()) {
            // GitHub's anchors: lower case, punctuation dropped, spaces to dashes.
            anchors.add(h.group(1).strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-'));
        }
        List<Map<String, Object>> rules = alertRules();
        Set<String> names = rules.stream().map(r -> (String) r.get("alert")).collect(Collectors.toSet());
        assertTrue(names.containsAll(Set.of("WizardAckSlow", "WizardJobsFailing", "WizardModelPaused",
                "WizardGitHubRateLimited", "WizardShedLoad")), names.toString());
        for (Map<String, Object> rule : rules) {
            String expr = String.valueOf(rule.get("expr"));
            assertEquals(Set.of(), unknownMetrics(expr, exported), rule.get("alert") + ": " + expr);
            assertTrue(METRIC.matcher(expr).find(), rule.get("alert") + " reads none of the bot's metrics");
            assertNotNull(((Map<?, ?>) rule.get("labels")).get("severity"), rule.get("alert") + " has no severity");
            Map<?, ?> annotations = (Map<?, ?>) rule.get("annotations");
            assertNotNull(annotations.get("summary"), rule.get("alert") + " has no summary");
            String runbook = String.valueOf(annotations.get("runbook"));
            assertTrue(runbook.startsWith("docs/operations.md#"), runbook);
            String anchor = runbook.substring(runbook.indexOf('#') + 1);
            assertTrue(anchors.contains(anchor), rule.get("alert") + " links #" + anchor
                    + ", which docs/operations.md does not have");
        }
    }

    @Test
    void everyMetricOperationsMdNamesIsOneTheBotExports() throws Exception {
        Set<String> known = new TreeSet<>(exported);
        known.addAll(families);
        assertEquals(Set.of(), unknownMetrics(Files.readString(ROOT.resolve("docs/operations.md")), known),
                "named in docs/operations.md (its table, example rules) but not exported");
    }

    @Test
    void aMisspelledOrInventedMetricIsCaught() {
        assertEquals(Set.of("wizard_ack_secnds_bucket"), unknownMetrics(
                "histogram_quantile(0.99, sum by (le) (rate(wizard_ack_secnds_bucket[5m])))", exported));
        assertEquals(Set.of("wizard_jobs_failed_total"), unknownMetrics(
                "rate(wizard_jobs_failed_total[5m]) / rate(wizard_jobs_started_total[5m])", exported));
    }
}
