package dev.aiwizard.web.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A client of the web pages that keeps cookies like a browser and follows no redirect by itself, so tests see each
 * step; reads the CSRF token from a page as the pages' script does.
 */
public final class WebClient {
    private static final Pattern CSRF = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]*)\">");
    private final URI base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    public WebClient(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public HttpResponse<String> get(String pathOrUrl, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(pathOrUrl)).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(b);
    }

    /** Posts {@code form} (name, value pairs) as a browser's form does. */
    public HttpResponse<String> post(String path, String... form) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < form.length; i += 2) {
            fields.put(form[i], form[i + 1]);
        }
        String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Follows the redirects of {@code first} (to this site or elsewhere) and returns the last answer. */
    public HttpResponse<String> follow(HttpResponse<String> first) {
        HttpResponse<String> res = first;
        for (int i = 0; i < 10 && res.statusCode() / 100 == 3; i++) {
            res = get(res.uri().resolve(res.headers().firstValue("Location").orElseThrow()).toString());
        }
        return res;
    }

    /** The CSRF token a page carries for its forms and script. */
    public static String csrf(HttpResponse<String> page) {
        Matcher m = CSRF.matcher(page.body());
        if (!m.find()) {
            throw new AssertionError("the page has no CSRF token: " + page.body());
        }
        return m.group(1);
    }

    /** The cookies this client keeps, for another client of the same browser (an event stream). */
    public CookieManager cookies() {
        return cookies;
    }

    private URI uri(String pathOrUrl) {
        return pathOrUrl.startsWith("http") ? URI.create(pathOrUrl) : base.resolve(pathOrUrl);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
