package dev.aiwizard.app.api;

import dev.aiwizard.core.job.JobFeed;
import dev.aiwizard.web.ServerSentEvents;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;

/**
 * A job's changes as server-sent events ({@link ServerSentEvents}, shared with the web pages): {@code state} when the
 * job's state changed (the first event is the job as it is), {@code progress} when only its progress note moved on,
 * each with the job as JSON; keep-alives while nothing happens; and {@code end} once the job is over, after which the
 * stream closes (see docs/api.md).
 */
final class EventStream implements JobFeed.Follower, AutoCloseable {
    private final ServerSentEvents events;

    private EventStream(ServerSentEvents events) {
        this.events = events;
    }

    /** Starts the stream: the headers go out with the first event. */
    static EventStream open(ServerResponse res) {
        return new EventStream(ServerSentEvents.open(res));
    }

    @Override
    public void changed(JobFeed.Change change) {
        events.send(change.stateChanged() ? "state" : "progress",
                new String(Json.bytes(Views.job(change.job())), StandardCharsets.UTF_8));
        if (change.job().state().isFinal()) {
            events.send("end", "{\"state\":\"" + change.job().state().name() + "\"}");
        }
    }

    @Override
    public void idle() {
        events.keepAlive();
    }

    @Override
    public void close() {
        events.close();
    }
}
