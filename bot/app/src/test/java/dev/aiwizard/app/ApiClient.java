package dev.aiwizard.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A client of a running bot's job API over a real socket, as a program using the API would be: JSON requests with an
 * optional bearer token, and server-sent events read line by line as they arrive.
 */
final class ApiClient {
    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String token;

    ApiClient(int port, String token) {
        this.base = "http://127.0.0.1:" + port;
        this.token = token;
    }

    /** The same client with another bearer token ({@code null}: none). */
    ApiClient as(String otherToken) {
        return new ApiClient(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), otherToken);
    }

    HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<byte[]> post(String path, String json) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    HttpResponse<byte[]> delete(String path) throws IOException, InterruptedException {
        return send(request(path).DELETE().build());
    }

    HttpResponse<byte[]> send(HttpRequest req) throws IOException, InterruptedException {
        return http.send(req, HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    static JsonNode json(HttpResponse<byte[]> res) throws IOException {
        return JSON.readTree(res.body());
    }

    /** One server-sent event: its name and data. */
    record Event(String name, String data) {
        JsonNode json() throws IOException {
            return JSON.readTree(data);
        }
    }

    /** An open event stream: events are queued as the lines arrive. */
    static final class EventStream {
        private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        private final CompletableFuture<Void> reading;
        final HttpResponse<Stream<String>> response;

        private EventStream(HttpResponse<Stream<String>> response) {
            this.response = response;
            this.reading = CompletableFuture.runAsync(() -> {
                String name = "message";
                StringBuilder data = new StringBuilder();
                for (String line : (Iterable<String>) response.body()::iterator) {
                    if (line.isEmpty()) {
                        if (!data.isEmpty()) {
                            events.add(new Event(name, data.toString()));
                        }
                        name = "message";
                        data.setLength(0);
                    } else if (line.startsWith("event:")) {
                        name = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        data.append(data.isEmpty() ? "" : "\n").append(line.substring(5).strip());
                    }
                }
            });
        }

        /** The next event, waiting up to {@code timeout}; fails the test when none comes. */
        Event next(Duration timeout) throws InterruptedException {
            Event e = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (e == null) {
                throw new AssertionError("no event within " + timeout);
            }
            return e;
        }

        /** Every event up to and including {@code end}. */
        List<Event> untilEnd(Duration timeout) throws InterruptedException {
            List<Event> all = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (all.isEmpty() || !all.getLast().name().equals("end")) {
                all.add(next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime()))));
            }
            return all;
        }

        /** Whether the server closed the stream within {@code timeout}. */
        boolean closedWithin(Duration timeout) {
            try {
                reading.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                return true;
            } catch (Exception e) {
                return false;
            }
        }
    }

    /** Opens the event stream at {@code path}. */
    EventStream events(String path) throws IOException, InterruptedException {
        HttpResponse<Stream<String>> res = http.send(request(path).header("Accept", "text/event-stream")
                .timeout(Duration.ofMinutes(5)).GET().build(), HttpResponse.BodyHandlers.ofLines());
        return new EventStream(res);
    }
}
