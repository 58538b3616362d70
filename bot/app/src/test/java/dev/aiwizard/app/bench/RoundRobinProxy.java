package dev.aiwizard.app.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A small HTTP load balancer for benchmarks: each request goes to the next replica in turn, as a Kubernetes Service
 * or an ingress spreads Slack's requests. It forwards the body and the headers Slack's signature needs, and answers
 * with the replica's status and body.
 */
final class RoundRobinProxy implements AutoCloseable {
    private static final Set<String> FORWARDED = Set.of("content-type", "x-slack-request-timestamp",
            "x-slack-signature", "x-slack-retry-num", "x-slack-retry-reason");

    private final HttpServer server;
    private final List<Integer> ports;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicLongArray served;
    private final HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor())
            .connectTimeout(Duration.ofSeconds(5)).build();

    private RoundRobinProxy(List<Integer> ports) throws IOException {
        this.ports = List.copyOf(ports);
        this.served = new AtomicLongArray(ports.size());
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        server.createContext("/", this::forward);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    /** A proxy on a free port of 127.0.0.1 in front of the replicas listening on {@code ports}. */
    static RoundRobinProxy to(List<Integer> ports) throws IOException {
        return new RoundRobinProxy(ports);
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Requests forwarded to each replica, in the order of the ports given. */
    long[] served() {
        long[] out = new long[ports.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = served.get(i);
        }
        return out;
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            int i = Math.floorMod(next.getAndIncrement(), ports.size());
            served.incrementAndGet(i);
            byte[] body = exchange.getRequestBody().readAllBytes();
            HttpRequest.Builder req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports.get(i)
                    + exchange.getRequestURI())).timeout(Duration.ofSeconds(30))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (FORWARDED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                    values.forEach(v -> req.header(name, v));
                }
            });
            HttpResponse<byte[]> res;
            try {
                res = http.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(502, -1);
                return;
            } catch (IOException e) {
                exchange.sendResponseHeaders(502, -1);
                return;
            }
            res.headers().firstValue("content-type").ifPresent(v -> exchange.getResponseHeaders().add("Content-Type", v));
            exchange.sendResponseHeaders(res.statusCode(), res.body().length == 0 ? -1 : res.body().length);
            if (res.body().length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(res.body());
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
