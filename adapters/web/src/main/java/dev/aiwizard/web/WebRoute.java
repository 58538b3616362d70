package dev.aiwizard.web;

import static java.util.Objects.requireNonNull;

import io.helidon.http.Method;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * One address of the web pages: its method, its path as Helidon writes it ({@code /conversations/{id}}), who may use
 * it, and its handler. {@link WebSurface} registers every route from one list, each behind the same security headers,
 * sign-in and CSRF check, so a new page is one more entry there.
 */
public record WebRoute(Method method, String path, Access access, Handler handler) {
    /** Who may use a route. */
    public enum Access {
        /** Anyone: the sign-in pages and the assets. */
        OPEN,
        /** A signed-in person; others are sent to sign in. */
        SIGNED_IN,
        /** A signed-in person whose request carries the session's CSRF token: everything that changes something. */
        CHANGE
    }

    /** What a route does for one request; {@code visit} is null on {@link Access#OPEN} routes. */
    @FunctionalInterface
    public interface Handler {
        void handle(Visit visit, ServerRequest req, ServerResponse res) throws Exception;
    }

    public WebRoute {
        requireNonNull(method, "method");
        requireNonNull(path, "path");
        requireNonNull(access, "access");
        requireNonNull(handler, "handler");
        if (access == Access.CHANGE && method == Method.GET) {
            throw new IllegalArgumentException("a GET changes nothing: " + path);
        }
    }

    public static WebRoute get(String path, Handler handler) {
        return new WebRoute(Method.GET, path, Access.SIGNED_IN, handler);
    }

    public static WebRoute post(String path, Handler handler) {
        return new WebRoute(Method.POST, path, Access.CHANGE, handler);
    }
}
