package dev.aiwizard.web;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerResponse;

/**
 * The headers every page and asset is sent with. The policy allows only this server's own script and styles (the
 * pages have no inline script or style, and no event-handler attributes), no framing by any site, no plug-ins, and
 * forms that post only here; HSTS only where the pages are served over TLS, since a browser would otherwise refuse
 * plain HTTP to the host for a year.
 */
final class SecurityHeaders {
    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    private final boolean tls;

    SecurityHeaders(boolean tls) {
        this.tls = tls;
    }

    void add(ServerResponse res) {
        res.header(HeaderNames.create("Content-Security-Policy"), POLICY);
        res.header(HeaderNames.create("X-Content-Type-Options"), "nosniff");
        res.header(HeaderNames.create("Referrer-Policy"), "same-origin");
        res.header(HeaderNames.create("X-Frame-Options"), "DENY");
        res.header(HeaderNames.create("Cross-Origin-Opener-Policy"), "same-origin");
        res.header(HeaderNames.create("Permissions-Policy"), "camera=(), microphone=(), geolocation=()");
        if (tls) {
            res.header(HeaderNames.STRICT_TRANSPORT_SECURITY, "max-age=31536000; includeSubDomains");
        }
    }
}
