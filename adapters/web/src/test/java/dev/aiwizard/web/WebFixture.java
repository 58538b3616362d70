package dev.aiwizard.web;

import dev.aiwizard.core.access.ApiTokens;
import dev.aiwizard.core.job.JobEvents;
import dev.aiwizard.core.job.JobFeed;
import dev.aiwizard.core.job.JobStore;
import dev.aiwizard.core.job.ObservedJobStore;
import dev.aiwizard.core.testing.MemoryApiTokenStore;
import dev.aiwizard.core.testing.MemoryConversationStore;
import dev.aiwizard.core.testing.MemoryJobStore;
import dev.aiwizard.core.testing.MemoryWebSessionStore;
import io.helidon.webserver.WebServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The web pages on a real server on 127.0.0.1, with in-memory stores. */
final class WebFixture implements AutoCloseable {
    final MemoryConversationStore conversations = new MemoryConversationStore();
    final MemoryWebSessionStore sessions = new MemoryWebSessionStore();
    final JobEvents jobEvents = new JobEvents();
    final MemoryJobStore jobStore = new MemoryJobStore();
    /** The job store as the bot has it: every stored change is published to the pages that follow the job. */
    final JobStore jobs = new ObservedJobStore(jobStore, jobEvents);
    final JobFeed feed = new JobFeed(jobs, jobEvents, Duration.ofMillis(200));
    final ApiTokens tokens = new ApiTokens(new MemoryApiTokenStore(), Clock.systemUTC());
    final List<JobParts.Setting> settings = List.of(new JobParts.Setting("WIZARD_PORT", "8080"),
            new JobParts.Setting("SLACK_BOT_TOKEN", "set (hidden)"));
    final WebServer server;

    /** The pages with {@code settings}, on a free port. */
    WebFixture(WebSettings settings) {
        this(base -> settings);
    }

    /** The pages with the settings {@code forBase} gives for the server's own address (its public URL). */
    WebFixture(Function<String, WebSettings> forBase) {
        int port = freePort();
        WebSurface web = new WebSurface(new WebSurface.Parts(forBase.apply("http://127.0.0.1:" + port), sessions,
                conversations, Clock.systemUTC(), "Local Person"), new JobParts(jobs, feed,
                Duration.ofSeconds(1), tokens,
                thread -> Optional.of("https://chat.example.com/" + thread.channel()), () -> settings));
        server = WebServer.builder().host("127.0.0.1").port(port).routing(r -> r.register(web)).build().start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /** A browser-like client of these pages, with its own cookies. */
    WebClient browser() {
        return new WebClient(base());
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        feed.close();
        server.stop();
    }
}
