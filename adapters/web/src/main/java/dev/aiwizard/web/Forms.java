package dev.aiwizard.web;

import io.helidon.common.parameters.Parameters;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.util.Locale;

/**
 * A posted form's fields ({@code application/x-www-form-urlencoded}), read once per request and kept in its context,
 * since the gate reads the CSRF token before the page reads the rest.
 */
final class Forms {
    private Forms() {
    }

    /** The form {@code req} posted; empty when it posted none. */
    static Parameters of(ServerRequest req) {
        return req.context().get(Forms.class, Parameters.class).orElseGet(() -> {
            String type = req.headers().first(HeaderNames.CONTENT_TYPE).orElse("").toLowerCase(Locale.ROOT);
            Parameters form = type.startsWith("application/x-www-form-urlencoded") && req.content().hasEntity()
                    ? req.content().as(Parameters.class) : Parameters.empty("form");
            req.context().register(Forms.class, form);
            return form;
        });
    }

    /** Field {@code name} of the form {@code req} posted, or null. */
    static String field(ServerRequest req, String name) {
        return of(req).first(name).orElse(null);
    }
}
