package dev.aiwizard.web.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.aiwizard.core.testing.FormData;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * GitHub's OAuth web flow on 127.0.0.1, as GitHub documents it: {@code GET /login/oauth/authorize} (here the person
 * set with {@link #signInAs} approves at once, and the browser is sent back to {@code redirect_uri} with a one-time
 * {@code code} and the {@code state} it came with), {@code POST /login/oauth/access_token} (form fields
 * {@code client_id}, {@code client_secret}, {@code code}, {@code redirect_uri}; JSON when asked with
 * {@code Accept: application/json}, and for a bad code GitHub's {@code 200} with {@code bad_verification_code}) and
 * {@code GET /user} with the token. The same base serves both the sign-in pages and the API.
 */
public final class FakeGitHubOAuth implements AutoCloseable {
    /** A request the fake received. */
    public record Recorded(String method, String path, String query, String body) {
    }

    private final HttpServer server;
    private final String clientId;
    private final String clientSecret;
    private final Map<String, String[]> codes = new HashMap<>();
    private final Map<String, String[]> tokens = new HashMap<>();
    private final List<Recorded> requests = new ArrayList<>();
    private String[] next = {"octocat", "The Octocat"};

    private FakeGitHubOAuth(String clientId, String clientSecret) throws IOException {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** A fake for the OAuth app {@code clientId} with {@code clientSecret}. */
    public static FakeGitHubOAuth start(String clientId, String clientSecret) {
        try {
            return new FakeGitHubOAuth(clientId, clientSecret);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The base of both the sign-in pages and the API, e.g. {@code http://127.0.0.1:4711}. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Who approves the next sign-in. */
    public synchronized void signInAs(String login, String name) {
        next = new String[] {login, name};
    }

    public synchronized List<Recorded> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = ex.getRequestURI().getPath();
        Map<String, String> query = FormData.parse(ex.getRequestURI().getRawQuery());
        synchronized (this) {
            requests.add(new Recorded(ex.getRequestMethod(), path, ex.getRequestURI().getRawQuery(), body));
        }
        switch (ex.getRequestMethod() + " " + path) {
            case "GET /login/oauth/authorize" -> authorize(ex, query);
            case "POST /login/oauth/access_token" -> token(ex, FormData.parse(body));
            case "GET /user" -> user(ex);
            default -> send(ex, 404, "{\"message\":\"Not Found\"}");
        }
    }

    private void authorize(HttpExchange ex, Map<String, String> q) throws IOException {
        if (!clientId.equals(q.get("client_id")) || q.get("redirect_uri") == null) {
            send(ex, 404, "{\"message\":\"unknown OAuth app\"}");
            return;
        }
        String code = UUID.randomUUID().toString();
        synchronized (this) {
            codes.put(code, new String[] {next[0], next[1], q.get("redirect_uri")});
        }
        ex.getResponseHeaders().add("Location", q.get("redirect_uri") + "?code=" + code + "&state="
                + URLEncoder.encode(q.getOrDefault("state", ""), StandardCharsets.UTF_8));
        ex.sendResponseHeaders(302, -1);
        ex.close();
    }

    private void token(HttpExchange ex, Map<String, String> form) throws IOException {
        String[] who;
        synchronized (this) {
            who = codes.remove(form.getOrDefault("code", ""));
        }
        if (!clientId.equals(form.get("client_id")) || !clientSecret.equals(form.get("client_secret"))) {
            send(ex, 200, "{\"error\":\"incorrect_client_credentials\"}");
            return;
        }
        if (who == null || !who[2].equals(form.get("redirect_uri"))) {
            send(ex, 200, "{\"error\":\"bad_verification_code\",\"error_description\":\"The code passed is "
                    + "incorrect or expired.\"}");
            return;
        }
        String token = "gho_" + UUID.randomUUID().toString().replace("-", "");
        synchronized (this) {
            tokens.put(token, who);
        }
        send(ex, 200, "{\"access_token\":\"" + token + "\",\"token_type\":\"bearer\",\"scope\":\"\"}");
    }

    private void user(HttpExchange ex) throws IOException {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        String[] who;
        synchronized (this) {
            who = auth == null ? null : tokens.get(auth.replaceFirst("^(Bearer|token) ", ""));
        }
        if (who == null) {
            send(ex, 401, "{\"message\":\"Requires authentication\"}");
            return;
        }
        send(ex, 200, "{\"login\":\"" + who[0] + "\",\"id\":" + Math.abs(who[0].hashCode()) + ",\"name\":\""
                + who[1] + "\"}");
    }

    private static void send(HttpExchange ex, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
