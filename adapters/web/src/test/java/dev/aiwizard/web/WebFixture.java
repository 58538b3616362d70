package dev.aiwizard.web;

import dev.aiwizard.core.testing.MemoryConversationStore;
import dev.aiwizard.core.testing.MemoryWebSessionStore;
import io.helidon.webserver.WebServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.util.function.Function;

/** The web pages on a real server on 127.0.0.1, with in-memory stores. */
final class WebFixture implements AutoCloseable {
    final MemoryConversationStore conversations = new MemoryConversationStore();
    final MemoryWebSessionStore sessions = new MemoryWebSessionStore();
    final WebServer server;

    /** The pages with {@code settings}, on a free port. */
    WebFixture(WebSettings settings) {
        this(base -> settings);
    }

    /** The pages with the settings {@code forBase} gives for the server's own address (its public URL). */
    WebFixture(Function<String, WebSettings> forBase) {
        int port = freePort();
        WebSurface web = new WebSurface(new WebSurface.Parts(forBase.apply("http://127.0.0.1:" + port), sessions,
                conversations, Clock.systemUTC(), "Local Person"));
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
        server.stop();
    }
}
