package dev.aiwizard.app.api;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.access.ApiTokens;
import dev.aiwizard.core.access.Principal;
import dev.aiwizard.web.DirectCaller;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.function.Function;

/**
 * Who may use the API and see the health checks. The operator: with a token configured, callers that send
 * {@code Authorization: Bearer <token>}; without one, only direct callers on this machine, so a fresh install never
 * exposes conversations. Direct means a loopback peer whose request carries no header a proxy adds: a reverse
 * proxy on the same host connects from loopback too, and would otherwise hand the API to the whole internet.
 * People: a personal API token ({@link ApiTokens}) in the same header, checked against the store on every request,
 * from anywhere. Health details are for the operator only.
 */
final class ApiAccess {
    private final byte[] token;
    private final Function<String, Optional<Principal>> personal;

    /** Access for the operator only; {@code token} empty means direct loopback callers. */
    ApiAccess(String token) {
        this(token, t -> Optional.empty());
    }

    /** Access for the operator, and for people whose personal token {@code personal} recognises. */
    ApiAccess(String token, Function<String, Optional<Principal>> personal) {
        this.token = requireNonNull(token, "token").getBytes(StandardCharsets.UTF_8);
        this.personal = requireNonNull(personal, "personal");
    }

    /** Whether the caller is the operator: it holds the token, or no token is set and it is a direct local caller. */
    boolean trusted(ServerRequest req) {
        return token.length == 0 ? DirectCaller.isDirectLoopback(req) : holdsToken(bearer(req));
    }

    /** Lets the operator through, or answers 401/403 and returns false. */
    boolean admit(ServerRequest req, ServerResponse res) {
        if (trusted(req)) {
            return true;
        }
        refuse(res, bearer(req).length > 0 && token.length > 0);
        return false;
    }

    /** Who is calling: the operator, or the owner of a personal token that works; otherwise answers 401/403. */
    Optional<Principal> caller(ServerRequest req, ServerResponse res) {
        byte[] given = bearer(req);
        if (token.length == 0 ? given.length == 0 && DirectCaller.isDirectLoopback(req) : holdsToken(given)) {
            return Optional.of(Principal.operatorItself());
        }
        Optional<Principal> person = given.length == 0 ? Optional.empty()
                : personal.apply(new String(given, StandardCharsets.UTF_8));
        if (person.isEmpty()) {
            refuse(res, given.length > 0);
        }
        return person;
    }

    /** Answers why the caller is not let in: a token it sent does not work (401), or it needs one (403 or 401). */
    private void refuse(ServerResponse res, boolean sentToken) {
        if (token.length == 0 && !sentToken) {
            Problems.send(res, Status.FORBIDDEN_403, "forbidden", "The API answers direct loopback callers, and "
                    + "callers with a personal API token, while WIZARD_API_TOKEN is not set; requests through a "
                    + "proxy need a token.");
            return;
        }
        res.header(HeaderNames.WWW_AUTHENTICATE, "Bearer");
        Problems.send(res, Status.UNAUTHORIZED_401, "unauthorized", "Send Authorization: Bearer <token>: "
                + "WIZARD_API_TOKEN, or a personal API token that has not been revoked.");
    }

    private static byte[] bearer(ServerRequest req) {
        String header = req.headers().first(HeaderNames.AUTHORIZATION).orElse("");
        return header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).strip().getBytes(StandardCharsets.UTF_8) : new byte[0];
    }

    private boolean holdsToken(byte[] given) {
        // MessageDigest.isEqual takes the same time wherever the first difference is (String.equals stops there),
        // so the token cannot be guessed byte by byte from response times.
        return token.length > 0 && MessageDigest.isEqual(given, token);
    }
}
