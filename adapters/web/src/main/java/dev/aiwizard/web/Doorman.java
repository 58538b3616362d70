package dev.aiwizard.web;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.access.WebSession;
import dev.aiwizard.core.conversation.WhoMay;
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
    private final Sessions sessions;
    private final WebSettings settings;
    private final WhoMay whoMay;
    private final String localName;

    Doorman(Sessions sessions, WebSettings settings, WhoMay whoMay, String localName) {
        this.sessions = requireNonNull(sessions, "sessions");
        this.settings = requireNonNull(settings, "settings");
        this.whoMay = requireNonNull(whoMay, "whoMay");
        this.localName = requireNonNull(localName, "localName");
    }

    /** The visit of {@code req}, starting the local user's session where that applies. */
    Optional<Visit> visit(ServerRequest req, ServerResponse res) {
        boolean localAllowed = !settings.signInWithGitHub() && DirectCaller.isDirectLoopback(req);
        Optional<Visit> known = sessions.find(req).flatMap(s -> honoured(s, localAllowed));
        if (known.isPresent() || !localAllowed) {
            return known;
        }
        return Optional.of(of(sessions.start(Person.LOCAL_LOGIN, localName, Sessions.LOCAL, res), true));
    }

    /** {@code s}'s visit, if the configuration still lets its person in. */
    private Optional<Visit> honoured(WebSession s, boolean localAllowed) {
        if (Sessions.LOCAL.equals(s.provider())) {
            return localAllowed ? Optional.of(of(s, true)) : Optional.empty();
        }
        if (!settings.signInWithGitHub() || !settings.maySignIn(s.login())) {
            return Optional.empty();
        }
        return Optional.of(of(s, false));
    }

    private Visit of(WebSession s, boolean local) {
        boolean admin = whoMay.isAdmin(WebGateway.PLATFORM, new Person(s.login(), s.name(), false, local).user());
        return new Visit(new Person(s.login(), s.name(), admin, local), s.csrf());
    }

    /** Whether people sign in with GitHub here. */
    boolean signInWithGitHub() {
        return settings.signInWithGitHub();
    }
}
