package dev.aiwizard.web;

import static java.util.Objects.requireNonNull;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/**
 * Signing in and out. With a GitHub OAuth app configured: {@code /login} offers "Sign in with GitHub",
 * {@code /login/github} sends the browser to GitHub with a fresh {@code state} (kept in a short-lived cookie for this
 * browser only), and {@code /login/callback} accepts GitHub's answer only when its {@code state} is that cookie's,
 * exchanges the code, and starts a session for a person the configuration lets in. {@code POST /logout} ends the
 * session everywhere.
 */
final class SignIn {
    private static final System.Logger LOG = System.getLogger(SignIn.class.getName());
    private static final String STATE_COOKIE = "wizard-oauth-state";

    private final WebSettings settings;
    private final GitHubOAuth github;
    private final Sessions sessions;
    private final Pages pages;

    SignIn(WebSettings settings, Sessions sessions, Pages pages) {
        this.settings = requireNonNull(settings, "settings");
        this.github = new GitHubOAuth(settings);
        this.sessions = requireNonNull(sessions, "sessions");
        this.pages = requireNonNull(pages, "pages");
    }

    List<WebRoute> routes() {
        return List.of(
                new WebRoute(Method.GET, "/login", WebRoute.Access.OPEN, (v, req, res) -> page(req, res, null)),
                new WebRoute(Method.GET, "/login/github", WebRoute.Access.OPEN, (v, req, res) -> toGitHub(res)),
                new WebRoute(Method.GET, "/login/callback", WebRoute.Access.OPEN, (v, req, res) -> callback(req, res)),
                WebRoute.post("/logout", (v, req, res) -> {
                    sessions.end(req, res);
                    Pages.redirect(res, "/login");
                }));
    }

    private void page(ServerRequest req, ServerResponse res, String problem) {
        pages.render(res, "signin.jte", pages.layout("Sign in", null, req), "problem", problem, "configured",
                settings.signInWithGitHub());
    }

    private void toGitHub(ServerResponse res) {
        if (!settings.signInWithGitHub()) {
            res.status(Status.NOT_FOUND_404).send();
            return;
        }
        String state = Sessions.random();
        res.headers().add(HeaderNames.SET_COOKIE, STATE_COOKIE + "=" + state + "; Path=/login; HttpOnly; "
                + "SameSite=Lax; Max-Age=600" + (settings.behindTls() ? "; Secure" : ""));
        Pages.redirect(res, github.authorizeUrl(state, callback()).toString());
    }

    private void callback(ServerRequest req, ServerResponse res) {
        if (!settings.signInWithGitHub()) {
            res.status(Status.NOT_FOUND_404).send();
            return;
        }
        Optional<String> expected = req.headers().cookies().first(STATE_COOKIE).asOptional();
        String state = req.query().first("state").orElse("");
        res.headers().add(HeaderNames.SET_COOKIE, STATE_COOKIE + "=; Path=/login; HttpOnly; SameSite=Lax; Max-Age=0"
                + (settings.behindTls() ? "; Secure" : ""));
        if (expected.isEmpty() || state.isEmpty() || !MessageDigest.isEqual(state.getBytes(StandardCharsets.UTF_8),
                expected.get().getBytes(StandardCharsets.UTF_8))) {
            res.status(Status.BAD_REQUEST_400);
            page(req, res, "This sign-in could not be checked (it did not start in this browser, or took too long). "
                    + "Please sign in again.");
            return;
        }
        if (req.query().contains("error")) {
            page(req, res, "GitHub did not sign you in: " + req.query().first("error_description")
                    .orElse(req.query().first("error").orElse("")) + ".");
            return;
        }
        Optional<GitHubOAuth.GitHubUser> user;
        try {
            user = github.signIn(req.query().first("code").orElse(""), callback());
        } catch (SignInException e) {
            LOG.log(System.Logger.Level.WARNING, "sign-in with GitHub failed: " + e.getMessage());
            res.status(Status.BAD_GATEWAY_502);
            page(req, res, "GitHub could not be asked who you are just now. Please try again in a moment.");
            return;
        }
        if (user.isEmpty()) {
            res.status(Status.BAD_REQUEST_400);
            page(req, res, "GitHub did not accept this sign-in (it may have been used already). Please sign in again.");
            return;
        }
        if (!settings.maySignIn(user.get().login())) {
            res.status(Status.FORBIDDEN_403);
            page(req, res, "The GitHub account " + user.get().login() + " may not use this AI Wizard. Ask its "
                    + "operator to add it to WIZARD_WEB_USERS.");
            return;
        }
        sessions.start(user.get().login(), user.get().name(), Sessions.GITHUB, res);
        LOG.log(System.Logger.Level.INFO, "{0} signed in with GitHub", user.get().login());
        Pages.redirect(res, "/");
    }

    private String callback() {
        return settings.publicUrl() + "/login/callback";
    }
}
