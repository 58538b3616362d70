package dev.aiwizard.web;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.StorageException;
import dev.aiwizard.core.access.WebSessionStore;
import dev.aiwizard.core.conversation.AdminPolicy;
import dev.aiwizard.core.conversation.ConversationReads;
import dev.aiwizard.core.conversation.GenerationQueue;
import dev.aiwizard.core.conversation.WhoMay;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The web pages, served by the bot's own web server: every route is in {@link #routes()}, and each is registered
 * behind the same gate — the security headers, then who is visiting ({@link Doorman}), then the CSRF token on every
 * request that changes something — so a page added there cannot forget any of it.
 */
public final class WebSurface implements HttpService, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(WebSurface.class.getName());

    /**
     * What the pages are served from: the settings, where sessions are kept, the conversations to read and their jobs,
     * who may do what (the core's rule), the web's way into the core and its chat port, the clock, the name the local
     * user is shown with (the operator's account name) on an install without sign-in, and how often a live page reads
     * the store for what other replicas and platforms changed.
     */
    public record Parts(WebSettings settings, WebSessionStore sessions, ConversationReads conversations,
                        GenerationQueue jobs, WhoMay whoMay, WebInbox inbox, WebGateway gateway, Clock clock,
                        String localName, Duration liveTail) {
        public Parts {
            requireNonNull(settings, "settings");
            requireNonNull(sessions, "sessions");
            requireNonNull(conversations, "conversations");
            requireNonNull(jobs, "jobs");
            requireNonNull(whoMay, "whoMay");
            requireNonNull(inbox, "inbox");
            requireNonNull(gateway, "gateway");
            requireNonNull(clock, "clock");
            requireNonNull(localName, "localName");
            requireNonNull(liveTail, "liveTail");
        }
    }

    /** How long starting a conversation waits for the core's first answer before showing the list instead. */
    private static final Duration START_WAIT = Duration.ofSeconds(15);
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    private final SecurityHeaders headers;
    private final Doorman doorman;
    private final Pages pages;
    private final Assets assets = new Assets();
    private final List<WebRoute> routes;
    private final ConversationFeed feed;

    /** The pages of {@code parts}, with the job, token and admin pages served from {@code jobs}. */
    public WebSurface(Parts parts, JobParts jobs) {
        this.headers = new SecurityHeaders(parts.settings().behindTls());
        Sessions sessions = new Sessions(parts.sessions(), parts.settings(), parts.clock());
        this.doorman = new Doorman(sessions, parts.settings(), parts.whoMay(), parts.localName());
        this.pages = new Pages(assets);
        ConversationPage conversation = new ConversationPage(parts.conversations(), parts.jobs(), parts.whoMay(),
                parts.inbox(), parts.gateway(), pages);
        this.feed = new ConversationFeed(parts.conversations(), parts.jobs(), parts.gateway(), conversation,
                parts.liveTail(), KEEP_ALIVE);
        // Every page's routes, in one list: a new page adds its routes here.
        this.routes = Stream.of(
                List.of(new WebRoute(Method.GET, "/assets/{file}", WebRoute.Access.OPEN,
                        (v, req, res) -> assets.serve(req, res))),
                new SignIn(parts.settings(), sessions, pages).routes(),
                new ConversationsPage(parts.conversations(), parts.whoMay(), pages).routes(),
                new NewConversationPage(parts.conversations(), parts.inbox(), parts.gateway(), pages, START_WAIT)
                        .routes(),
                conversation.routes(),
                feed.routes(),
                jobPages(parts, jobs),
                new TokensPage(jobs.tokens(), pages).routes(),
                new AdminPages(parts.conversations(), jobs.settings(), new UsagePage(jobs.usage(), jobs.prices(),
                        parts.clock(), pages), pages).routes()).flatMap(List::stream).toList();
    }

    private List<WebRoute> jobPages(Parts parts, JobParts jobs) {
        JobPage job = new JobPage(jobs, parts.conversations(), pages);
        return Stream.of(job.routes(), new FilesPage(jobs.jobs(), job, pages).routes()).flatMap(List::stream).toList();
    }

    /**
     * The admins of the web pages for the core's {@link AdminPolicy}: the configured GitHub logins, and, on an
     * install without sign-in, the local user (the operator).
     */
    public static AdminPolicy admins(AdminPolicy admins, WebSettings settings) {
        List<String> web = new ArrayList<>(settings.admins());
        if (!settings.signInWithGitHub()) {
            web.add(Person.LOCAL_LOGIN);
        }
        return admins.withUsers(WebGateway.PLATFORM, web);
    }

    /** Ends the pages' open event streams, so they do not hold the server's shutdown up. */
    @Override
    public void close() {
        feed.close();
    }

    /** Every route of the pages, as registered. */
    public List<WebRoute> routes() {
        return routes;
    }

    @Override
    public void routing(HttpRules rules) {
        for (WebRoute route : routes) {
            rules.route(route.method(), route.path(), (req, res) -> gate(route, req, res));
        }
    }

    private void gate(WebRoute route, ServerRequest req, ServerResponse res) throws Exception {
        headers.add(res);
        if (!route.path().startsWith("/assets/")) {
            // Pages are personal: no shared cache may keep one.
            res.header(HeaderNames.CACHE_CONTROL, "no-store");
        }
        try {
            Visit visit = null;
            if (route.access() != WebRoute.Access.OPEN) {
                Optional<Visit> v = doorman.visit(req, res);
                if (v.isEmpty()) {
                    away(route, req, res);
                    return;
                }
                visit = v.get();
                if (route.access() == WebRoute.Access.CHANGE && !Csrf.holds(visit, csrfSent(req))) {
                    pages.problem(res, Status.FORBIDDEN_403, "Not sent from this page",
                            "This request did not come from a page of this site (its form token was missing or "
                                    + "stale), so nothing was done. Reload the page and try again.", visit, req);
                    return;
                }
            }
            route.handler().handle(visit, req, res);
        } catch (StorageException e) {
            LOG.log(System.Logger.Level.WARNING, route.method().text() + " " + route.path() + ": " + e.getMessage());
            if (!res.isSent()) {
                res.header(HeaderNames.RETRY_AFTER, "5");
                pages.problem(res, Status.SERVICE_UNAVAILABLE_503, "Try again in a moment",
                        "The database did not answer; nothing was done.", null, req);
            }
        }
    }

    /** Someone not signed in: a page sends them to sign in; anything else is refused. */
    private void away(WebRoute route, ServerRequest req, ServerResponse res) {
        if (route.method() == Method.GET && doorman.signInWithGitHub()) {
            Pages.redirect(res, "/login");
        } else if (route.method() == Method.GET) {
            pages.problem(res, Status.FORBIDDEN_403, "Sign-in is not configured", "Without a GitHub OAuth app "
                    + "(GITHUB_OAUTH_CLIENT_ID and GITHUB_OAUTH_CLIENT_SECRET), these pages answer only on the bot's "
                    + "own machine.", null, req);
        } else {
            pages.problem(res, Status.FORBIDDEN_403, "Not signed in", "Sign in first; nothing was done.", null, req);
        }
    }

    /** The CSRF token a request sent: the script's header, else the form's field. */
    private static String csrfSent(ServerRequest req) {
        String header = Csrf.header(req);
        if (header != null) {
            return header;
        }
        return Forms.field(req, Csrf.FIELD);
    }
}
