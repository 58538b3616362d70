package dev.aiwizard.web;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * GitHub's web application flow for OAuth apps, as GitHub documents it: the browser is sent to
 * {@code /login/oauth/authorize} with the client id, the callback and an unguessable {@code state}; GitHub sends it
 * back with a {@code code}, which {@code POST /login/oauth/access_token} exchanges for a token; {@code GET /user} on
 * the API says who it belongs to. The token is used for that one call and never kept. No scope is asked for: the
 * public profile is all the bot needs.
 */
final class GitHubOAuth {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** Who signed in, as GitHub names them. */
    record GitHubUser(String login, String name) {
        GitHubUser {
            requireNonNull(login, "login");
            name = name == null || name.isBlank() ? login : name;
        }
    }

    private final WebSettings settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    GitHubOAuth(WebSettings settings) {
        this.settings = requireNonNull(settings, "settings");
    }

    /** Where to send the browser to sign in; GitHub comes back to {@code callback} with {@code state}. */
    URI authorizeUrl(String state, String callback) {
        return URI.create(base(settings.oauthUrl()) + "/login/oauth/authorize?" + form(Map.of(
                "client_id", settings.clientId(), "redirect_uri", callback, "state", state,
                "allow_signup", "false")));
    }

    /** The person whose sign-in gave {@code code}; empty when GitHub refuses the code (used, expired, forged). */
    Optional<GitHubUser> signIn(String code, String callback) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", settings.clientId());
        params.put("client_secret", settings.clientSecret());
        params.put("code", code);
        params.put("redirect_uri", callback);
        JsonNode token = call(HttpRequest.newBuilder(URI.create(base(settings.oauthUrl())
                        + "/login/oauth/access_token"))
                .header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(params))));
        String accessToken = token.path("access_token").asText("");
        if (accessToken.isEmpty()) {
            // GitHub answers 200 with {"error": "bad_verification_code", ...} for a code it does not accept.
            return Optional.empty();
        }
        JsonNode user = call(HttpRequest.newBuilder(URI.create(base(settings.apiUrl()) + "/user"))
                .header("Accept", "application/vnd.github+json")
                .header("Authorization", "Bearer " + accessToken)
                .header("X-GitHub-Api-Version", "2022-11-28")
                .GET());
        String login = user.path("login").asText("");
        return login.isEmpty() ? Optional.empty() : Optional.of(new GitHubUser(login, user.path("name").asText("")));
    }

    private JsonNode call(HttpRequest.Builder request) {
        HttpRequest req = request.timeout(TIMEOUT).build();
        try {
            HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
            if (res.statusCode() / 100 != 2) {
                throw new SignInException("GitHub answered " + res.statusCode() + " to " + req.method() + " "
                        + req.uri().getPath());
            }
            return JSON.readTree(res.body());
        } catch (IOException e) {
            throw new SignInException("GitHub could not be reached for " + req.uri().getPath() + ": " + e.getMessage(),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignInException("interrupted while signing in", e);
        }
    }

    private static String base(URI uri) {
        return uri.toString().replaceAll("/+$", "");
    }

    static String form(Map<String, String> params) {
        return params.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
