package dev.aiwizard.web;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The pages' own files (one script, one style sheet), read from this jar once: nothing comes from a CDN and nothing
 * is fetched at run time. Each address carries a hash of the content ({@code /assets/app.js?v=…}), so browsers may
 * keep a file for a year and still get a new one with the next release.
 */
public final class Assets {
    private static final String BASE = "dev/aiwizard/web/assets/";
    private static final Map<String, String> TYPES = Map.of(
            "app.js", "text/javascript; charset=utf-8",
            "app.css", "text/css; charset=utf-8");

    private final Map<String, byte[]> files;
    private final Map<String, String> versions;

    Assets() {
        this.files = Map.copyOf(TYPES.keySet().stream().collect(java.util.stream.Collectors.toMap(n -> n,
                Assets::read)));
        this.versions = Map.copyOf(files.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                Map.Entry::getKey, e -> version(e.getValue()))));
    }

    /** The address of {@code name}, with its version. */
    String href(String name) {
        String v = versions.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no asset " + name);
        }
        return "/assets/" + name + "?v=" + v;
    }

    /** Serves the file named in the path, or 404. */
    void serve(ServerRequest req, ServerResponse res) {
        String name = req.path().pathParameters().get("file");
        byte[] body = files.get(name);
        if (body == null) {
            res.status(Status.NOT_FOUND_404).send();
            return;
        }
        res.header(HeaderNames.CONTENT_TYPE, TYPES.get(name));
        res.header(HeaderNames.CACHE_CONTROL, req.query().contains("v") ? "public, max-age=31536000, immutable"
                : "no-cache");
        res.header(HeaderNames.ETAG, "\"" + versions.get(name) + "\"");
        res.send(body);
    }

    private static byte[] read(String name) {
        try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(BASE + name)) {
            if (in == null) {
                throw new IllegalStateException("the web assets are missing from the jar: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String version(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
