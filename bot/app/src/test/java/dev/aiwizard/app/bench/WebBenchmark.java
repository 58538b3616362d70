package dev.aiwizard.app.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiwizard.app.Wizard;
import dev.aiwizard.app.browser.Browser;
import dev.aiwizard.app.browser.PageLoad;
import dev.aiwizard.app.config.AppSettings;
import dev.aiwizard.core.Ids;
import dev.aiwizard.core.job.Job;
import dev.aiwizard.core.job.JobId;
import dev.aiwizard.core.job.JobStore;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The web surface's two numbers (issue 17), measured in the system's Chromium (the browser tests' {@link Browser})
 * against the bot in this process with the offline engines and the storage the environment names (as
 * {@link TurnBenchmark}):
 * <ol>
 * <li>First page load on loopback: {@code BENCH_WEB_PAGE} (default {@code /openapi/ui}, the job API's viewer), with
 *     the browser's cache emptied before each load, until {@code BENCH_WEB_READY} (a CSS selector, default the
 *     viewer's operations) is visible. From the browser's Navigation and Resource Timing: the load event, when
 *     everything was in (a page's own fetches after the load event included), and the bytes of the document and
 *     every asset.
 *     Then the same page again from the cache.</li>
 * <li>From a job change being stored (the call the worker makes to store a progress note, through the same store)
 *     to the browser receiving it. By default a script in that page follows the job with an {@code EventSource} on
 *     {@code /api/v1/jobs/{id}/events}; with {@code BENCH_WEB_JOB_PAGE} (a path with {@code {id}}), the page itself
 *     follows the job and the time is when the note appears in its document. Both clocks are this machine's wall
 *     clock; their offset, as far as a round trip can tell, is printed.</li>
 * </ol>
 * Usage: {@code WebBenchmark [loads] [changes]} (default 20 and 200).
 */
public final class WebBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int WARM_UP_LOADS = 3;
    private static final int WARM_UP_CHANGES = 50;

    private WebBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int loads = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int changes = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Map<String, String> env = System.getenv();
        String page = env.getOrDefault("BENCH_WEB_PAGE", "/openapi/ui");
        String ready = env.getOrDefault("BENCH_WEB_READY", ".opblock");
        String jobPage = env.getOrDefault("BENCH_WEB_JOB_PAGE", "");
        Path scratch = Files.createTempDirectory("wizard-bench-web");
        AppSettings settings = TurnBenchmark.settings(env, scratch);
        settings = ApiBenchmark.unlimited(settings);
        try (Wizard wizard = Wizard.start(settings, new PrintStream(OutputStream.nullOutputStream()));
             Browser browser = Browser.start()) {
            wizard.runner().stopClaiming();
            String base = "http://127.0.0.1:" + wizard.port();
            System.out.printf("storage=%s, page %s%n", wizard.describe(), page);
            pageLoads(browser, URI.create(base + page), ready, loads);
            System.out.printf("console errors: %d, requests off this machine: %d%n",
                    browser.log().consoleErrors().size(), browser.log().requestsOffThisMachine().size());

            JobStore jobs = wizard.jobs();
            Job job = jobs.find(new JobId(askForJob(base))).orElseThrow();
            String run = Ids.random(4);
            if (jobPage.isEmpty()) {
                browser.script(FOLLOW_WITH_EVENT_SOURCE, "/api/v1/jobs/" + job.id().value() + "/events",
                        "bench " + run + " ");
            } else {
                browser.open(URI.create(base + jobPage.replace("{id}", job.id().value())));
                browser.script(FOLLOW_IN_DOCUMENT, "bench " + run + " ");
            }
            browser.waitUntil("return window.wizardBench.open", Duration.ofSeconds(30));
            System.out.printf("clocks: the browser's minus this process's %s%n", clockOffset(browser));
            report("job change stored to the browser receiving it ("
                    + (jobPage.isEmpty() ? "EventSource in the page" : "shown in " + jobPage) + "), " + changes
                    + " changes 20 ms apart after " + WARM_UP_CHANGES + " warm-up", changes(browser, jobs, job, run,
                    changes), d -> d);
            jobs.update(jobs.find(job.id()).orElseThrow().cancelled(Instant.now()));
        } finally {
            try (var files = Files.walk(scratch)) {
                files.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.exit(0);
    }

    private static void pageLoads(Browser browser, URI page, String ready, int loads) {
        List<PageLoad> cold = new ArrayList<>();
        List<PageLoad> warm = new ArrayList<>();
        for (int i = 0; i < WARM_UP_LOADS + loads; i++) {
            browser.devTools("Network.clearBrowserCache", Map.of());
            cold.add(load(browser, page, ready));
            warm.add(load(browser, page, ready));
        }
        summary("first load, empty cache", cold.subList(WARM_UP_LOADS, cold.size()));
        summary("again, from the cache", warm.subList(WARM_UP_LOADS, warm.size()));
    }

    private static void summary(String what, List<PageLoad> measured) {
        PageLoad last = measured.getLast();
        System.out.printf("%s: %d assets, %,d bytes transferred (%,d decoded)%n", what, last.assets().size(),
                last.transferred(), last.decoded());
        report("  load event", measured, PageLoad::load);
        report("  everything in (the load event, or the last response of the page's own fetches)", measured,
                PageLoad::done);
    }

    private static PageLoad load(Browser browser, URI page, String ready) {
        browser.open(URI.create("about:blank"));
        browser.open(page);
        browser.waitForVisible(ready, Duration.ofSeconds(30));
        return browser.pageLoad();
    }

    /** A job to follow: asked for through the API with approval, so it is queued (the runner does not claim it). */
    private static String askForJob(String base) throws Exception {
        HttpResponse<byte[]> res = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base
                        + "/api/v1/jobs")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"idea\": \"a shop where people manage products with a "
                        + "name and a price\", \"approve\": true}")).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (res.statusCode() != 202) {
            throw new IllegalStateException("POST /api/v1/jobs answered " + res.statusCode());
        }
        return JSON.readTree(res.body()).get("jobId").asText();
    }

    /** Opens an event stream; records when each progress note with the marker arrives, before reading it. */
    private static final String FOLLOW_WITH_EVENT_SOURCE = """
            const [url, marker] = arguments;
            window.wizardBench = {open: false, seen: []};
            const source = new EventSource(url);
            source.onopen = () => { window.wizardBench.open = true; };
            source.addEventListener('progress', e => {
              const at = performance.timeOrigin + performance.now();
              const note = JSON.parse(e.data).progress || '';
              if (note.startsWith(marker)) window.wizardBench.seen.push([Number(note.slice(marker.length)), at]);
            });
            """;

    /** Watches the page's document; records when each progress note with the marker first appears in it. */
    private static final String FOLLOW_IN_DOCUMENT = """
            const marker = new RegExp(arguments[0] + '(\\\\d+)');
            window.wizardBench = {open: true, seen: []};
            const seen = new Set();
            new MutationObserver(records => {
              const at = performance.timeOrigin + performance.now();
              for (const r of records) {
                const texts = r.type === 'characterData' ? [r.target.textContent]
                    : Array.from(r.addedNodes, n => n.textContent || '');
                for (const text of texts) {
                  const m = marker.exec(text);
                  if (m && !seen.has(m[1])) { seen.add(m[1]); window.wizardBench.seen.push([Number(m[1]), at]); }
                }
              }
            }).observe(document.body, {childList: true, subtree: true, characterData: true});
            """;

    /**
     * Stores {@code WARM_UP_CHANGES + changes} progress notes 20 ms apart and returns, for each after the warm-up,
     * the milliseconds from just before the store call to the browser receiving it.
     */
    private static List<Double> changes(Browser browser, JobStore store, Job job, String run, int changes)
            throws InterruptedException {
        int total = WARM_UP_CHANGES + changes;
        double[] storedAt = new double[total];
        Job current = store.find(job.id()).orElseThrow();
        for (int i = 0; i < total; i++) {
            current = current.withProgress("bench " + run + " " + i, Instant.now());
            storedAt[i] = epochMillis();
            store.update(current);
            Thread.sleep(20);
        }
        browser.waitUntil("return window.wizardBench.seen.length >= " + total, Duration.ofSeconds(30));
        List<Double> latencies = new ArrayList<>();
        for (Object seen : (List<?>) browser.script("return window.wizardBench.seen")) {
            List<?> pair = (List<?>) seen;
            int i = ((Number) pair.get(0)).intValue();
            if (i >= WARM_UP_CHANGES) {
                latencies.add(((Number) pair.get(1)).doubleValue() - storedAt[i]);
            }
        }
        if (latencies.size() < changes) {
            System.out.printf("  (the browser received %d of %d changes)%n", latencies.size(), changes);
        }
        return latencies;
    }

    /** The browser's wall clock minus this process's, from the middle of a round trip, with its uncertainty. */
    private static String clockOffset(Browser browser) {
        double best = Double.MAX_VALUE;
        double offset = 0;
        for (int i = 0; i < 10; i++) {
            double before = epochMillis();
            double in = ((Number) browser.script("return performance.timeOrigin + performance.now()")).doubleValue();
            double after = epochMillis();
            if (after - before < best) {
                best = after - before;
                offset = in - (before + after) / 2;
            }
        }
        return String.format("%.2f ms (± %.2f ms)", offset, best / 2);
    }

    private static double epochMillis() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1000.0 + now.getNano() / 1e6;
    }

    private static <T> void report(String what, List<T> samples, ToDoubleFunction<T> millis) {
        List<Double> sorted = new ArrayList<>(samples.stream().map(millis::applyAsDouble).toList());
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            System.out.println(what + ": no samples");
            return;
        }
        System.out.printf("%s: n=%d p50=%.1f ms p90=%.1f ms p99=%.1f ms max=%.1f ms%n", what, sorted.size(),
                pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), sorted.getLast());
    }

    private static double pct(List<Double> sorted, int p) {
        return sorted.get(Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
