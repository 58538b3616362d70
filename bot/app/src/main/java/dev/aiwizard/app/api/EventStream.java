package dev.aiwizard.app.api;

import dev.aiwizard.core.job.JobFeed;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A job's changes as server-sent events (the {@code text/event-stream} format of the HTML standard), written straight
 * to the response and flushed one event at a time: {@code state} when the job's state changed (the first event is
 * the job as it is), {@code progress} when only its progress note moved on, each with the job as JSON; comment lines
 * as keep-alives while nothing happens; and {@code end} once the job is over, after which the stream closes. (Helidon's
 * own SSE module is not published for 4.1.7, the version this bot is pinned to, so the few lines of the format are
 * written here; see docs/api.md.)
 */
final class EventStream implements JobFeed.Follower, AutoCloseable {
    private final OutputStream out;
    private long id;

    private EventStream(OutputStream out) {
        this.out = out;
    }

    /** Starts the stream: the headers go out with the first event. */
    static EventStream open(ServerResponse res) {
        res.status(Status.OK_200)
                .header(HeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8")
                .header(HeaderNames.CACHE_CONTROL, "no-cache, no-store")
                // Reverse proxies that buffer responses (nginx) would hold the events back otherwise.
                .header(HeaderNames.create("X-Accel-Buffering"), "no");
        return new EventStream(res.outputStream());
    }

    @Override
    public void changed(JobFeed.Change change) {
        write("event: " + (change.stateChanged() ? "state" : "progress") + "\nid: " + (++id) + "\ndata: "
                + new String(Json.bytes(Views.job(change.job())), StandardCharsets.UTF_8) + "\n\n");
        if (change.job().state().isFinal()) {
            write("event: end\nid: " + (++id) + "\ndata: {\"state\":\"" + change.job().state().name() + "\"}\n\n");
        }
    }

    @Override
    public void idle() {
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

    /** The client closed the stream; thrown out of {@link JobFeed#follow} to stop following. */
    static final class ClientGone extends RuntimeException {
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
