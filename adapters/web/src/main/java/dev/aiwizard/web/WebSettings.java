package dev.aiwizard.web;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The web pages' settings. {@code clientId} and {@code clientSecret} are the GitHub OAuth app's (both empty: no
 * sign-in, and only the single local user on this machine is let in); {@code oauthUrl} is where GitHub's sign-in
 * pages are ({@code https://github.com}), {@code apiUrl} its API; {@code publicUrl} is the address people open (empty:
 * the address they used), and with {@code https} the cookies are {@code Secure} and HSTS is sent; {@code admins} and
 * {@code users} are GitHub logins (admins see and decide everything; {@code users} may sign in besides admins, and
 * {@code *} lets every GitHub account in); {@code sessionLength} is how long a sign-in holds.
 */
public record WebSettings(String clientId, String clientSecret, URI oauthUrl, URI apiUrl, String publicUrl,
                          Set<String> admins, Set<String> users, Duration sessionLength) {
    /** In {@link #users}: every GitHub account may sign in. */
    public static final String EVERYONE = "*";

    public WebSettings {
        clientId = clientId == null ? "" : clientId.strip();
        clientSecret = clientSecret == null ? "" : clientSecret.strip();
        requireNonNull(oauthUrl, "oauthUrl");
        requireNonNull(apiUrl, "apiUrl");
        publicUrl = publicUrl == null ? "" : publicUrl.strip().replaceAll("/+$", "");
        admins = logins(admins);
        users = logins(users);
        requireNonNull(sessionLength, "sessionLength");
        if (clientId.isEmpty() != clientSecret.isEmpty()) {
            throw new IllegalArgumentException("GITHUB_OAUTH_CLIENT_ID and GITHUB_OAUTH_CLIENT_SECRET are set "
                    + "together");
        }
        if (!publicUrl.isEmpty() && !publicUrl.startsWith("http://") && !publicUrl.startsWith("https://")) {
            throw new IllegalArgumentException("the public URL must start with http:// or https://, was " + publicUrl);
        }
        if (sessionLength.toMinutes() < 1) {
            throw new IllegalArgumentException("a session must last at least a minute");
        }
    }

    /** No sign-in configured: the local user only, on GitHub's public addresses, sessions of eight hours. */
    public static WebSettings localOnly() {
        return new WebSettings("", "", URI.create("https://github.com"), URI.create("https://api.github.com"), "",
                Set.of(), Set.of(), Duration.ofHours(8));
    }

    /** Whether people sign in with GitHub (otherwise only the local user, on this machine, is let in). */
    public boolean signInWithGitHub() {
        return !clientId.isEmpty();
    }

    /** Whether the pages are served over TLS (a {@code https} public URL): Secure cookies and HSTS. */
    public boolean behindTls() {
        return publicUrl.startsWith("https://");
    }

    /** Whether GitHub user {@code login} is an admin. */
    private boolean isAdmin(String login) {
        return admins.contains(key(login));
    }

    /** Whether GitHub user {@code login} may sign in: an admin, a listed user, or anyone when {@code *} is listed. */
    public boolean maySignIn(String login) {
        return isAdmin(login) || users.contains(EVERYONE) || users.contains(key(login));
    }

    /** {@code logins} as configured: case-insensitive, as GitHub's logins are. */
    public static Set<String> logins(List<String> logins) {
        return logins(Set.copyOf(logins));
    }

    private static Set<String> logins(Set<String> logins) {
        return logins == null ? Set.of() : logins.stream().map(String::strip).filter(l -> !l.isEmpty())
                .map(WebSettings::key).collect(Collectors.toUnmodifiableSet());
    }

    private static String key(String login) {
        return login.strip().toLowerCase(Locale.ROOT);
    }

    /** Without the client secret. */
    @Override
    public String toString() {
        return "WebSettings[signIn=" + (signInWithGitHub() ? "github" : "local only") + ", oauthUrl=" + oauthUrl
                + ", apiUrl=" + apiUrl + ", publicUrl=" + publicUrl + ", admins=" + admins + ", users=" + users
                + ", sessionLength=" + sessionLength + "]";
    }
}
