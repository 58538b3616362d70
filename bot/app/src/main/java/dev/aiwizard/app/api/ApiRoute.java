package dev.aiwizard.app.api;

import static java.util.Objects.requireNonNull;

import io.helidon.http.Method;
import io.helidon.webserver.http.Handler;

/**
 * One operation of the API under {@code /api/v1}: its method, its path as Helidon and OpenAPI both write it
 * ({@code /jobs/{id}}), and its handler. The routing is registered from the list of these, and the test that holds
 * the OpenAPI document to the routing reads the same list.
 */
record ApiRoute(Method method, String path, Handler handler) {
    ApiRoute {
        requireNonNull(method, "method");
        requireNonNull(path, "path");
        requireNonNull(handler, "handler");
    }
}
