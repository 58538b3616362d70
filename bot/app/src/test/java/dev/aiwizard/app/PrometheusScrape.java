package dev.aiwizard.app;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a Prometheus server reads from {@code /metrics}: the metric families and their samples, parsed. */
record PrometheusScrape(Map<String, String> families, List<Sample> samples) {
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+).*$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** One line of a family: its series name (with {@code _bucket}, {@code _count}...), labels and value. */
    record Sample(String name, Map<String, String> labels, double value) {
    }

    /** Scrapes {@code http://127.0.0.1:port/metrics} as Prometheus does (text format). */
    static PrometheusScrape of(int port) throws Exception {
        HttpResponse<String> res = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/metrics")).header("Accept", "text/plain").build(),
                HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() != 200) {
            throw new AssertionError("/metrics answered " + res.statusCode());
        }
        return parse(res.body());
    }

    /**
     * Scrapes until {@code series} (summed over {@code labels}) has grown by at least {@code by} since {@code before}:
     * what a series records just after the platform heard back arrives a moment after the test saw the answer.
     */
    static PrometheusScrape awaitGrowth(int port, PrometheusScrape before, String series, Map<String, String> labels,
                                        double by) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (true) {
            PrometheusScrape now = of(port);
            double grown = now.value(series, labels) - before.value(series, labels);
            if (grown >= by) {
                return now;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(series + labels + " grew by " + grown + ", not " + by);
            }
            Thread.sleep(25);
        }
    }

    static PrometheusScrape parse(String text) {
        Map<String, String> families = new LinkedHashMap<>();
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("# TYPE ")) {
                String[] parts = line.substring(7).trim().split("\\s+");
                families.put(parts[0], parts.length > 1 ? parts[1] : "untyped");
            } else if (!line.isBlank() && !line.startsWith("#")) {
                Matcher m = SAMPLE.matcher(line.trim());
                if (!m.matches()) {
                    throw new AssertionError("not a Prometheus sample line: " + line);
                }
                Map<String, String> labels = new LinkedHashMap<>();
                if (m.group(3) != null) {
                    Matcher l = LABEL.matcher(m.group(3));
                    while (l.find()) {
                        labels.put(l.group(1), l.group(2));
                    }
                }
                samples.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(4))));
            }
        }
        return new PrometheusScrape(families, samples);
    }

    /** The family a series belongs to: {@code wizard_ack_seconds_bucket} is in {@code wizard_ack_seconds}. */
    Optional<String> familyOf(String series) {
        if (families.containsKey(series)) {
            return Optional.of(series);
        }
        for (String suffix : List.of("_bucket", "_count", "_sum", "_max", "_total", "_created")) {
            if (series.endsWith(suffix)) {
                String base = series.substring(0, series.length() - suffix.length());
                if (families.containsKey(base)) {
                    return Optional.of(base);
                }
            }
        }
        return Optional.empty();
    }

    /** The sum of {@code series} over every sample whose labels include {@code labels}. */
    double value(String series, Map<String, String> labels) {
        return samples.stream().filter(s -> s.name().equals(series))
                .filter(s -> s.labels().entrySet().containsAll(labels.entrySet()))
                .mapToDouble(Sample::value).sum();
    }
}
