package dev.aiwizard.app.api;

import static java.util.Objects.requireNonNull;

import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Set;

/**
 * Who may read the API and see the health checks: with a token configured, callers that send
 * {@code Authorization: Bearer <token>}; without one, only direct callers on this machine, so a fresh install never
 * exposes conversations. Direct means a loopback peer whose request carries no header a proxy adds: a reverse
 * proxy on the same host connects from loopback too, and would otherwise hand the API to the whole internet.
 */
final class ApiAccess {
    /** Headers reverse proxies and CDNs add to say whom they forward for; any {@code X-Forwarded-*} counts too. */
    private static final Set<String> PROXY_HEADERS = Set.of("forwarded", "via", "x-real-ip", "x-client-ip",
            "x-cluster-client-ip", "x-original-forwarded-for", "true-client-ip", "cf-connecting-ip",
            "fastly-client-ip", "x-proxyuser-ip", "x-envoy-external-address");

    private final byte[] token;

    ApiAccess(String token) {
        this.token = requireNonNull(token, "token").getBytes(StandardCharsets.UTF_8);
    }

    /** Whether the caller may see everything: it holds the token, or no token is set and it is a direct local caller. */
    boolean trusted(ServerRequest req) {
        return token.length == 0 ? directLoopback(req) : holdsToken(req);
    }

    /** Lets the request through, or answers 401/403 and returns false. */
    boolean admit(ServerRequest req, ServerResponse res) {
        if (trusted(req)) {
            return true;
        }
        if (token.length == 0) {
            Json.error(res, Status.FORBIDDEN_403, "forbidden", "The API answers direct loopback callers only while "
                    + "WIZARD_API_TOKEN is not set; requests through a proxy need the token.");
            return false;
        }
        res.header(HeaderNames.WWW_AUTHENTICATE, "Bearer");
        Json.error(res, Status.UNAUTHORIZED_401, "unauthorized", "Send Authorization: Bearer <WIZARD_API_TOKEN>.");
        return false;
    }

    private boolean holdsToken(ServerRequest req) {
        String header = req.headers().first(HeaderNames.AUTHORIZATION).orElse("");
        byte[] given = header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).strip().getBytes(StandardCharsets.UTF_8) : new byte[0];
        // MessageDigest.isEqual takes the same time wherever the first difference is (String.equals stops there),
        // so the token cannot be guessed byte by byte from response times.
        return MessageDigest.isEqual(given, token);
    }

    private static boolean directLoopback(ServerRequest req) {
        if (!(req.remotePeer().address() instanceof InetSocketAddress a) || a.getAddress() == null
                || !a.getAddress().isLoopbackAddress()) {
            return false;
        }
        for (Header h : req.headers()) {
            String name = h.name().toLowerCase(Locale.ROOT);
            if (PROXY_HEADERS.contains(name) || name.startsWith("x-forwarded-")) {
                return false;
            }
        }
        return true;
    }
}
