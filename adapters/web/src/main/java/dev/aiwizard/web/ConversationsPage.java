package dev.aiwizard.web;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.conversation.Conversation;
import dev.aiwizard.core.conversation.ConversationReads;
import dev.aiwizard.core.conversation.Replies;
import dev.aiwizard.core.conversation.ConversationState;
import dev.aiwizard.core.conversation.WhoMay;
import dev.aiwizard.web.view.ConversationList;
import dev.aiwizard.web.view.ConversationList.Row;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * "My conversations" ({@code /}): the conversations the person asked for, newest first; admins see everyone's and
 * can filter them by platform, state and person.
 */
final class ConversationsPage {
    /** How many of the newest conversations the page looks through. */
    static final int LOOK_BACK = 500;

    private static final List<ConversationList.State> STATES = Arrays.stream(ConversationState.values())
            .map(s -> new ConversationList.State(s.name(), Replies.label(s))).toList();

    private final ConversationReads conversations;
    private final WhoMay whoMay;
    private final Pages pages;

    ConversationsPage(ConversationReads conversations, WhoMay whoMay, Pages pages) {
        this.conversations = requireNonNull(conversations, "conversations");
        this.whoMay = requireNonNull(whoMay, "whoMay");
        this.pages = requireNonNull(pages, "pages");
    }

    List<WebRoute> routes() {
        return List.of(WebRoute.get("/", this::show), WebRoute.get("/conversations", this::show));
    }

    private void show(Visit visit, ServerRequest req, ServerResponse res) {
        Person person = visit.person();
        String platform = req.query().first("platform").orElse("").strip();
        String state = req.query().first("state").orElse("").strip().toUpperCase(Locale.ROOT);
        String who = req.query().first("person").orElse("").strip();
        boolean admin = person.admin();
        Predicate<Conversation> shown = admin
                ? c -> (platform.isEmpty() || c.thread().platform().equals(platform))
                && (state.isEmpty() || c.state().name().equals(state))
                && (who.isEmpty() || c.requester().id().equalsIgnoreCase(who)
                || c.requester().displayName().toLowerCase(Locale.ROOT).contains(who.toLowerCase(Locale.ROOT)))
                : c -> whoMay.isRequester(c, person.user(), WebGateway.PLATFORM);
        List<Conversation> all = conversations.list(LOOK_BACK, 0);
        List<Row> rows = all.stream().filter(shown).map(ConversationsPage::row).toList();
        List<String> platforms = all.stream().map(c -> c.thread().platform()).distinct().sorted().toList();
        ConversationList listing = new ConversationList(admin ? "All conversations" : "My conversations", rows, admin,
                platforms, STATES, platform, state, who);
        pages.render(res, "conversations.jte", pages.layout(listing.heading(), visit, req), "listing", listing);
    }

    private static Row row(Conversation c) {
        String idea = c.idea().length() > 140 ? c.idea().substring(0, 139) + "…" : c.idea();
        return new Row("/conversations/" + c.id().value(), idea, Replies.label(c.state()),
                c.state().name().toLowerCase(Locale.ROOT), c.thread().platform(), c.requester().displayName(),
                Words.time(c.updatedAt()), c.updatedAt().toString());
    }
}
