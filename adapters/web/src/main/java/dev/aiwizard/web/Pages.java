package dev.aiwizard.web;

import static java.util.Objects.requireNonNull;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders pages from the jte templates compiled into this jar at build time (in {@code src/main/jte}): every
 * {@code ${...}} in them is escaped for the place it stands (text, attribute, URL), so what people wrote can never
 * become markup or script. Also the few answers every page shares: a redirect, a problem page.
 */
final class Pages {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(null, ContentType.Html,
            Pages.class.getClassLoader(), "dev.aiwizard.web.templates");
    private final Assets assets;

    Pages(Assets assets) {
        this.assets = requireNonNull(assets, "assets");
    }

    /** The frame of a page titled {@code title} for {@code visit} (null: nobody is signed in). */
    Layout layout(String title, Visit visit, ServerRequest req) {
        return new Layout(title, visit == null ? null : visit.person(), visit == null ? "" : visit.csrf(),
                req.path().path(), assets);
    }

    /** Sends {@code template} as an HTML page, with {@code layout} and the other parameters given as name, value. */
    void render(ServerResponse res, String template, Layout layout, Object... params) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("layout", layout);
        for (int i = 0; i < params.length; i += 2) {
            all.put((String) params[i], params[i + 1]);
        }
        Utf8ByteOutput out = new Utf8ByteOutput();
        engine.render(template, all, out);
        res.header(HeaderNames.CONTENT_TYPE, "text/html; charset=utf-8");
        res.send(out.toByteArray());
    }

    /** Sends {@code template}, a part of a page (no frame), with {@code params}. */
    void renderPart(ServerResponse res, String template, Map<String, Object> params) {
        Utf8ByteOutput out = new Utf8ByteOutput();
        engine.render(template, params, out);
        res.header(HeaderNames.CONTENT_TYPE, "text/html; charset=utf-8");
        res.send(out.toByteArray());
    }

    /** Answers {@code status} with a page that says {@code message}. */
    void problem(ServerResponse res, Status status, String title, String message, Visit visit, ServerRequest req) {
        res.status(status);
        render(res, "problem.jte", layout(title, visit, req), "message", message);
    }

    /** {@code 303 See Other} to {@code location}: after a form, the browser asks for the next page with GET. */
    static void redirect(ServerResponse res, String location) {
        res.status(Status.SEE_OTHER_303).header(HeaderNames.LOCATION, location).send();
    }
}
