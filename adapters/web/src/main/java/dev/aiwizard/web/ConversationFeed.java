package dev.aiwizard.web;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.conversation.Conversation;
import dev.aiwizard.core.conversation.ConversationReads;
import dev.aiwizard.core.conversation.GenerationQueue;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A conversation's live updates ({@code GET /conversations/{id}/events}, server-sent events): {@code changed} whenever
 * something the page shows may have changed — a new message or state (the conversation's version), the latest job's
 * progress, a note for this person — after which the page's script fetches the changed part. Words this process says
 * in the thread wake the stream at once; what other replicas and platforms change is found by reading the store every
 * {@code tail}. A comment line keeps a quiet stream open. The stream ends when the client goes, or the pages close.
 */
final class ConversationFeed {
    private final ConversationReads conversations;
    private final GenerationQueue jobs;
    private final WebGateway gateway;
    private final ConversationPage page;
    private final Duration tail;
    private final Duration keepAlive;
    private volatile boolean closed;

    ConversationFeed(ConversationReads conversations, GenerationQueue jobs, WebGateway gateway, ConversationPage page,
                     Duration tail, Duration keepAlive) {
        this.conversations = requireNonNull(conversations, "conversations");
        this.jobs = requireNonNull(jobs, "jobs");
        this.gateway = requireNonNull(gateway, "gateway");
        this.page = requireNonNull(page, "page");
        this.tail = requireNonNull(tail, "tail");
        this.keepAlive = requireNonNull(keepAlive, "keepAlive");
    }

    List<WebRoute> routes() {
        return List.of(WebRoute.get("/conversations/{id}/events", this::follow));
    }

    /** Ends every open stream (the server is stopping). */
    void close() {
        closed = true;
    }

    private void follow(Visit visit, ServerRequest req, ServerResponse res) throws InterruptedException {
        Optional<Conversation> found = page.visible(visit, req);
        if (found.isEmpty()) {
            res.status(Status.NOT_FOUND_404).send();
            return;
        }
        Conversation c = found.get();
        String key = c.thread().key();
        ThreadChanges changes = gateway.changes();
        try (ServerSentEvents events = ServerSentEvents.open(res)) {
            long signalled = changes.version(key);
            Object shown = look(c, visit);
            events.send("ready", "{}");
            long quietSince = System.nanoTime();
            while (!closed) {
                signalled = changes.await(key, signalled, tail);
                Object now = look(conversations.find(c.id()).orElse(c), visit);
                if (!now.equals(shown)) {
                    shown = now;
                    events.send("changed", "{}");
                    quietSince = System.nanoTime();
                } else if (System.nanoTime() - quietSince > keepAlive.toNanos()) {
                    events.keepAlive();
                    quietSince = System.nanoTime();
                }
            }
        } catch (ServerSentEvents.ClientGone e) {
            // The page was closed or left: nothing to follow any more.
        }
    }

    /** What the page shows that may change: the conversation's version, its latest job, notes for this person. */
    private Object look(Conversation c, Visit visit) {
        return List.of(c.version(), Objects.toString(jobs.latest(c.id()).orElse(null)),
                gateway.whispersTo(c.thread(), visit.person().login()));
    }
}
