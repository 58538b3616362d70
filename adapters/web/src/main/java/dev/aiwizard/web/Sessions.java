package dev.aiwizard.web;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.access.WebSession;
import dev.aiwizard.core.access.WebSessionStore;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The web pages' sessions: a random cookie ({@code HttpOnly}, {@code SameSite=Lax}, {@code Secure} and
 * {@code __Host-} behind TLS) whose SHA-256 finds the session in the {@link WebSessionStore} every replica reads.
 * Each session carries its own CSRF token (the synchronizer token every form sends back).
 */
final class Sessions {
    static final String GITHUB = "github";
    static final String LOCAL = "local";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebSessionStore store;
    private final WebSettings settings;
    private final Clock clock;
    private final String cookie;

    Sessions(WebSessionStore store, WebSettings settings, Clock clock) {
        this.store = requireNonNull(store, "store");
        this.settings = requireNonNull(settings, "settings");
        this.clock = requireNonNull(clock, "clock");
        // A __Host- cookie is only ever set by this host over TLS, for every path: no subdomain can plant one.
        this.cookie = settings.behindTls() ? "__Host-wizard-session" : "wizard-session";
    }

    /** Starts a session for {@code login} signed in through {@code provider}, and sets its cookie on {@code res}. */
    WebSession start(String login, String name, String provider, ServerResponse res) {
        String secret = random();
        Instant now = clock.instant();
        // Sessions start seldom (a sign-in, a local user's first page): the time to forget those that ended.
        store.removeExpired(now);
        WebSession session = new WebSession(login, name, provider, random(), now, now.plus(settings.sessionLength()));
        store.add(hash(secret), session);
        res.headers().add(HeaderNames.SET_COOKIE, cookie + "=" + secret + "; Path=/; HttpOnly; SameSite=Lax; Max-Age="
                + settings.sessionLength().toSeconds() + (settings.behindTls() ? "; Secure" : ""));
        return session;
    }

    /** The session {@code req}'s cookie names, while it holds. */
    Optional<WebSession> find(ServerRequest req) {
        return secret(req).flatMap(s -> store.find(hash(s), clock.instant()));
    }

    /** Ends {@code req}'s session (everywhere: the store is shared) and clears its cookie. */
    void end(ServerRequest req, ServerResponse res) {
        secret(req).ifPresent(s -> store.remove(hash(s)));
        res.headers().add(HeaderNames.SET_COOKIE, cookie + "=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0"
                + (settings.behindTls() ? "; Secure" : ""));
    }

    private Optional<String> secret(ServerRequest req) {
        return req.headers().cookies().first(cookie).asOptional().filter(v -> !v.isBlank());
    }

    /** 32 random bytes, URL-safe: a session's secret, a CSRF token, an OAuth state. */
    static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
