package dev.aiwizard.web;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.conversation.Conversation;
import dev.aiwizard.core.conversation.ConversationId;
import dev.aiwizard.core.conversation.ConversationReads;
import dev.aiwizard.web.view.AuditView;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The admins' pages: the audit trail of the conversations ({@code /admin/audit}), model usage and cost per person
 * and model ({@code /admin/usage}, {@link UsagePage}) and the bot's effective settings with secrets masked
 * ({@code /admin/settings}). Anyone else is answered 403 and shown nothing.
 */
final class AdminPages {
    /** How many of the newest conversations the audit page shows the trail of. */
    static final int AUDITED = 50;

    private final ConversationReads conversations;
    private final Supplier<List<JobParts.Setting>> settings;
    private final UsagePage usage;
    private final Pages pages;

    AdminPages(ConversationReads conversations, Supplier<List<JobParts.Setting>> settings, UsagePage usage,
               Pages pages) {
        this.conversations = requireNonNull(conversations, "conversations");
        this.settings = requireNonNull(settings, "settings");
        this.usage = requireNonNull(usage, "usage");
        this.pages = requireNonNull(pages, "pages");
    }

    List<WebRoute> routes() {
        return List.of(WebRoute.get("/admin/audit", admin(this::audit)),
                WebRoute.get("/admin/usage", admin(usage::show)),
                WebRoute.get("/admin/settings", admin(this::settings)));
    }

    /** {@code page} for admins; 403 for everyone else. */
    private WebRoute.Handler admin(WebRoute.Handler page) {
        return (visit, req, res) -> {
            if (!visit.person().admin()) {
                pages.problem(res, Status.FORBIDDEN_403, "Admins only", "This page is for the bot's admins "
                        + "(WIZARD_WEB_ADMINS).", visit, req);
                return;
            }
            page.handle(visit, req, res);
        };
    }

    private void audit(Visit visit, ServerRequest req, ServerResponse res) {
        String only = req.query().first("conversation").orElse("").strip();
        List<Conversation> shown = only.isEmpty() ? conversations.list(AUDITED, 0) : one(only).stream().toList();
        List<AuditView.Trail> trails = shown.stream().map(c -> new AuditView.Trail(c.id().value(),
                "/conversations/" + c.id().value(), c.idea(), c.thread().platform(), c.requester().displayName(),
                conversations.auditTrail(c.id()))).toList();
        pages.render(res, "audit.jte", pages.layout("Audit trail", visit, req), "audit",
                new AuditView(trails, only));
    }

    private Optional<Conversation> one(String id) {
        try {
            return conversations.find(new ConversationId(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private void settings(Visit visit, ServerRequest req, ServerResponse res) {
        pages.render(res, "settings.jte", pages.layout("Effective settings", visit, req), "settings",
                settings.get());
    }
}
