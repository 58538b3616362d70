package dev.aiwizard.web;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.conversation.Author;
import dev.aiwizard.core.conversation.ChatInbox;
import dev.aiwizard.core.conversation.Conversation;
import dev.aiwizard.core.conversation.ConversationId;
import dev.aiwizard.core.conversation.ConversationReads;
import dev.aiwizard.core.conversation.GenerationQueue;
import dev.aiwizard.core.conversation.Replies;
import dev.aiwizard.core.conversation.StoredMessage;
import dev.aiwizard.core.conversation.WhoMay;
import dev.aiwizard.core.spec.Spec;
import dev.aiwizard.core.spec.SpecMarkdown;
import dev.aiwizard.web.view.ConversationView;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One conversation as a chat ({@code /conversations/{id}}): its messages as stored, the spec, the choices on offer
 * as buttons and a box to write in — for those the core's {@link WhoMay} lets take part — and, live, what changes
 * ({@link ConversationFeed}). What people write and press goes to the core through the {@link WebInbox}; the
 * answers come back as stored messages.
 */
final class ConversationPage {
    private final ConversationReads conversations;
    private final GenerationQueue jobs;
    private final WhoMay whoMay;
    private final WebInbox inbox;
    private final WebGateway gateway;
    private final Pages pages;

    ConversationPage(ConversationReads conversations, GenerationQueue jobs, WhoMay whoMay, WebInbox inbox,
                     WebGateway gateway, Pages pages) {
        this.conversations = requireNonNull(conversations, "conversations");
        this.jobs = requireNonNull(jobs, "jobs");
        this.whoMay = requireNonNull(whoMay, "whoMay");
        this.inbox = requireNonNull(inbox, "inbox");
        this.gateway = requireNonNull(gateway, "gateway");
        this.pages = requireNonNull(pages, "pages");
    }

    List<WebRoute> routes() {
        return List.of(
                WebRoute.get("/conversations/{id}", this::show),
                WebRoute.post("/conversations/{id}/messages", (v, req, res) -> write(v, req, res, false)),
                WebRoute.post("/conversations/{id}/choices", (v, req, res) -> write(v, req, res, true)));
    }

    /** The conversation {@code req} names, if {@code visit}'s person may see it. */
    Optional<Conversation> visible(Visit visit, ServerRequest req) {
        ConversationId id;
        try {
            id = new ConversationId(req.path().pathParameters().get("id"));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return conversations.find(id).filter(c -> whoMay.maySee(c, visit.person().user(), WebGateway.PLATFORM));
    }

    private void show(Visit visit, ServerRequest req, ServerResponse res) {
        Optional<Conversation> c = visible(visit, req);
        if (c.isEmpty()) {
            pages.problem(res, Status.NOT_FOUND_404, "No such conversation", "There is no conversation here that "
                    + "you may see.", visit, req);
            return;
        }
        ConversationView view = view(c.get(), visit.person());
        if (req.query().contains("part")) {
            // The script asks for the changing part only, after an event said something changed.
            pages.renderPart(res, "thread.jte", Map.of("view", view, "csrf", visit.csrf()));
            return;
        }
        pages.render(res, "conversation.jte", pages.layout(shortIdea(c.get()), visit, req), "view", view);
    }

    private void write(Visit visit, ServerRequest req, ServerResponse res, boolean choice) {
        Optional<Conversation> c = visible(visit, req);
        if (c.isEmpty()) {
            pages.problem(res, Status.NOT_FOUND_404, "No such conversation", "There is no conversation here that "
                    + "you may see; nothing was sent.", visit, req);
            return;
        }
        String text = Optional.ofNullable(Forms.field(req, choice ? "value" : "text")).orElse("").strip();
        if (text.isEmpty()) {
            Pages.redirect(res, "/conversations/" + c.get().id().value());
            return;
        }
        ChatInbox.Outcome outcome = choice ? inbox.press(visit.person(), c.get().thread(), text)
                : inbox.say(visit.person(), c.get().thread(), text);
        if (outcome == ChatInbox.Outcome.BUSY) {
            res.header(HeaderNames.RETRY_AFTER, "5");
            pages.problem(res, Status.SERVICE_UNAVAILABLE_503, "Too busy just now", "The bot has too much to do; "
                    + "nothing was sent. Please send it again in a moment.", visit, req);
            return;
        }
        Pages.redirect(res, "/conversations/" + c.get().id().value() + "#latest");
    }

    private ConversationView view(Conversation c, Person person) {
        boolean over = c.state().isFinal();
        boolean mayWrite = !over && whoMay.mayTakePart(c, person.user(), WebGateway.PLATFORM);
        String readOnly = over || mayWrite ? null : whoMay.whyReadOnly(c);
        List<ConversationView.Line> lines = conversations.messages(c.id()).stream()
                .map(m -> line(m, c, person)).toList();
        List<ConversationView.Option> choices = mayWrite ? Replies.choicesNow(c).stream()
                .map(o -> new ConversationView.Option(o.label(), o.value())).toList() : List.of();
        Optional<GenerationQueue.JobStatus> latest = jobs.latest(c.id());
        String job = latest.map(j -> j.progress() != null && !j.progress().isBlank()
                ? j.state().toLowerCase(Locale.ROOT) + ": " + j.progress() : j.state().toLowerCase(Locale.ROOT))
                .orElse(null);
        return new ConversationView(c.id().value(), c.idea(), Replies.label(c.state()),
                c.state().name().toLowerCase(Locale.ROOT), c.thread().platform(), c.requester().displayName(),
                Words.origin(c.thread().platform()), lines,
                Spec.empty().equals(c.spec()) ? "" : SpecMarkdown.render(c.spec()), choices, mayWrite, readOnly,
                gateway.whispersTo(c.thread(), person.login()), job,
                latest.map(GenerationQueue.JobStatus::id).orElse(null), over);
    }

    private ConversationView.Line line(StoredMessage m, Conversation c, Person person) {
        boolean bot = m.author() == Author.BOT;
        String author = bot ? "AI Wizard" : m.userId().equals(c.requester().id()) ? c.requester().displayName()
                : m.userId().equals(person.login()) ? person.name() : m.userId();
        return new ConversationView.Line(author, bot, m.text(), Words.time(m.at()), m.at().toString());
    }

    private static String shortIdea(Conversation c) {
        return c.idea().length() > 60 ? c.idea().substring(0, 59) + "…" : c.idea();
    }
}
