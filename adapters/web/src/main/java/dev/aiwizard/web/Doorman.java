package dev.aiwizard.web;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.access.WebSession;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Optional;

/**
 * Who is visiting: the person of a session that still holds and is still allowed by the configuration, or, on an
 * install without sign-in, the single local user for a request straight from this machine (a session is started for
 * them on their first page, so their forms carry a CSRF token like anyone's). A local session is worth nothing once
 * sign-in is configured or the request comes from elsewhere, and a GitHub session nothing once its login is no longer
 * let in.
 */
final class Doorman {
    /** The local user's login; not a GitHub login (those have no {@code .}), so no one can sign in as them. */
    static final String LOCAL_LOGIN = "local.operator";

    private final Sessions sessions;
    private final WebSettings settings;
    private final String localName;

    Doorman(Sessions sessions, WebSettings settings, String localName) {
        this.sessions = requireNonNull(sessions, "sessions");
        this.settings = requireNonNull(settings, "settings");
        this.localName = requireNonNull(localName, "localName");
    }

    /** The visit of {@code req}, starting the local user's session where that applies. */
    Optional<Visit> visit(ServerRequest req, ServerResponse res) {
        boolean localAllowed = !settings.signInWithGitHub() && DirectCaller.isDirectLoopback(req);
        Optional<Visit> known = sessions.find(req).flatMap(s -> visit(s, localAllowed));
        if (known.isPresent() || !localAllowed) {
            return known;
        }
        return visit(sessions.start(LOCAL_LOGIN, localName, Sessions.LOCAL, res), true);
    }

    private Optional<Visit> visit(WebSession s, boolean localAllowed) {
        if (Sessions.LOCAL.equals(s.provider())) {
            return localAllowed ? Optional.of(new Visit(new Person(s.login(), s.name(), true, true), s.csrf()))
                    : Optional.empty();
        }
        if (!settings.signInWithGitHub() || !settings.maySignIn(s.login())) {
            return Optional.empty();
        }
        return Optional.of(new Visit(new Person(s.login(), s.name(), settings.isAdmin(s.login()), false), s.csrf()));
    }

    /** Whether people sign in with GitHub here. */
    boolean signInWithGitHub() {
        return settings.signInWithGitHub();
    }
}
