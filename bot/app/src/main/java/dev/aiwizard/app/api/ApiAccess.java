package dev.aiwizard.app.api;

import static java.util.Objects.requireNonNull;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Who may read the API: with a token configured, callers that send {@code Authorization: Bearer <token>};
 * without one, only callers on this machine (loopback), so a fresh install never exposes conversations.
 */
final class ApiAccess {
    private final byte[] token;

    ApiAccess(String token) {
        this.token = requireNonNull(token, "token").getBytes(StandardCharsets.UTF_8);
    }

    /** Lets the request through, or answers 401/403 and returns false. */
    boolean admit(ServerRequest req, ServerResponse res) {
        if (token.length == 0) {
            if (req.remotePeer().address() instanceof InetSocketAddress a && a.getAddress().isLoopbackAddress()) {
                return true;
            }
            Json.error(res, Status.FORBIDDEN_403, "forbidden",
                    "The API answers on loopback only while WIZARD_API_TOKEN is not set.");
            return false;
        }
        String header = req.headers().first(HeaderNames.AUTHORIZATION).orElse("");
        byte[] given = header.startsWith("Bearer ") ? header.substring(7).strip().getBytes(StandardCharsets.UTF_8)
                : new byte[0];
        // Constant-time comparison, so the token cannot be guessed byte by byte from response times.
        if (MessageDigest.isEqual(given, token)) {
            return true;
        }
        res.header(HeaderNames.WWW_AUTHENTICATE, "Bearer");
        Json.error(res, Status.UNAUTHORIZED_401, "unauthorized", "Send Authorization: Bearer <WIZARD_API_TOKEN>.");
        return false;
    }
}
