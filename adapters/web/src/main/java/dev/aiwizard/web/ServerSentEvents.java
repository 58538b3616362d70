package dev.aiwizard.web;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Server-sent events (the {@code text/event-stream} format of the HTML standard), written straight to the response
 * and flushed one event at a time, with numbered ids and comment lines as keep-alives. Helidon's own SSE module is not
 * published for 4.1.7, the version this bot is pinned to, so the few lines of the format are written here; the job
 * API's event streams and the web pages' live updates both use it.
 */
public final class ServerSentEvents implements AutoCloseable {
    private final OutputStream out;
    private long id;

    private ServerSentEvents(OutputStream out) {
        this.out = out;
    }

    /** Starts the stream: the headers go out with the first event. */
    public static ServerSentEvents open(ServerResponse res) {
        res.status(Status.OK_200)
                .header(HeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8")
                .header(HeaderNames.CACHE_CONTROL, "no-cache, no-store")
                // Reverse proxies that buffer responses (nginx) would hold the events back otherwise.
                .header(HeaderNames.create("X-Accel-Buffering"), "no");
        return new ServerSentEvents(res.outputStream());
    }

    /** Sends event {@code name} with {@code data} (one line: JSON, or a word). */
    public void send(String name, String data) {
        if (data.indexOf('\n') >= 0 || data.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("an event's data is one line here");
        }
        write("event: " + name + "\nid: " + (++id) + "\ndata: " + data + "\n\n");
    }

    /** A comment line: keeps proxies from closing a quiet stream, and tells whether the client is still there. */
    public void keepAlive() {
        write(": keep-alive\n\n");
    }

    private void write(String text) {
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException | RuntimeException e) {
            // The client went away (Helidon says so with its own unchecked exceptions too): following stops here.
            throw new ClientGone(e);
        }
    }

    /** The client closed the stream; thrown out of a write, to stop following. */
    public static final class ClientGone extends RuntimeException {
        ClientGone(Throwable cause) {
            super("the event stream's client is gone", cause);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            // Closed by the client already; nothing is lost.
        }
    }
}
