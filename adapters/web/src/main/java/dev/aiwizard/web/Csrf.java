package dev.aiwizard.web;

import io.helidon.webserver.http.ServerRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Cross-site request forgery: every request that changes something must carry the session's own token, in the form
 * field {@value #FIELD} (forms) or the header {@value #HEADER} (the page's script). A page on another site cannot read
 * it, so it cannot send it; the session cookie's {@code SameSite=Lax} is a second fence, not the only one.
 */
final class Csrf {
    static final String FIELD = "_csrf";
    static final String HEADER = "X-CSRF-Token";

    private Csrf() {
    }

    /** Whether {@code sent} (from the form or the header) is {@code visit}'s token; compared in constant time. */
    static boolean holds(Visit visit, String sent) {
        return sent != null && !sent.isEmpty() && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                visit.csrf().getBytes(StandardCharsets.UTF_8));
    }

    /** The token {@code req} sent in its header, or null. */
    static String header(ServerRequest req) {
        return req.headers().value(io.helidon.http.HeaderNames.create(HEADER)).orElse(null);
    }
}
