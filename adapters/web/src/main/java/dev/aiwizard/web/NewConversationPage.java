package dev.aiwizard.web;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.conversation.ChatInbox;
import dev.aiwizard.core.conversation.Conversation;
import dev.aiwizard.core.conversation.ConversationReads;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Starting a conversation from the browser: {@code /conversations/new} asks for the idea, and posting it hands a new
 * conversation to the core, in a web thread of its own. The page waits a moment for the core's first answer: the new
 * conversation (its page follows), or the reason it did not start (an idea too long, a limit reached), shown with the
 * idea kept for another try.
 */
final class NewConversationPage {
    /** How long the post waits for the first answer (a model's interview may take a while; offline takes none). */
    private final Duration wait;
    private final ConversationReads conversations;
    private final WebInbox inbox;
    private final WebGateway gateway;
    private final Pages pages;

    NewConversationPage(ConversationReads conversations, WebInbox inbox, WebGateway gateway, Pages pages,
                        Duration wait) {
        this.conversations = requireNonNull(conversations, "conversations");
        this.inbox = requireNonNull(inbox, "inbox");
        this.gateway = requireNonNull(gateway, "gateway");
        this.pages = requireNonNull(pages, "pages");
        this.wait = requireNonNull(wait, "wait");
    }

    List<WebRoute> routes() {
        return List.of(
                WebRoute.get("/conversations/new", (v, req, res) -> form(v, req, res, "", List.of())),
                WebRoute.post("/conversations", this::start));
    }

    private void form(Visit visit, ServerRequest req, ServerResponse res, String idea, List<String> notes) {
        pages.render(res, "new.jte", pages.layout("New conversation", visit, req), "idea", idea, "notes", notes);
    }

    private void start(Visit visit, ServerRequest req, ServerResponse res) throws InterruptedException {
        String idea = Optional.ofNullable(Forms.field(req, "idea")).orElse("").strip();
        WebInbox.Accepted started = inbox.start(visit.person(), idea);
        if (started.outcome() == ChatInbox.Outcome.BUSY) {
            res.status(Status.SERVICE_UNAVAILABLE_503).header(HeaderNames.RETRY_AFTER, "5");
            form(visit, req, res, idea, List.of("The bot has too much to do just now; nothing was started. Please "
                    + "try again in a moment."));
            return;
        }
        ThreadChanges changes = gateway.changes();
        String key = started.thread().key();
        long deadline = System.nanoTime() + wait.toNanos();
        long seen = 0;
        Optional<Conversation> c = Optional.empty();
        while (System.nanoTime() < deadline) {
            // What was said first, then the store: a conversation is stored before anything is said in it, so words
            // without a conversation mean it was refused.
            List<String> said = gateway.notesFor(started.thread(), visit.person().login());
            c = conversations.findByThread(started.thread());
            if (c.isPresent() && !said.isEmpty()) {
                // Started, and the first question is stored and said: the page shows it, with or without script.
                Pages.redirect(res, "/conversations/" + c.get().id().value());
                return;
            }
            if (c.isEmpty() && !said.isEmpty()) {
                res.status(Status.UNPROCESSABLE_CONTENT_422);
                form(visit, req, res, idea, said);
                return;
            }
            // Woken by the bot's first word in the thread; the store is read again at least every 200 ms meanwhile.
            seen = changes.await(key, seen, Duration.ofMillis(200));
        }
        // Still thinking (a slow model): its page, where the question arrives live, or the list it will appear in.
        Pages.redirect(res, c.map(found -> "/conversations/" + found.id().value()).orElse("/"));
    }
}
