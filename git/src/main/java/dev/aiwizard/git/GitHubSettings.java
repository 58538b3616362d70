package dev.aiwizard.git;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * How the bot reaches GitHub (github.com, or GitHub Enterprise through its API URL) and what its pull requests look
 * like. Auth is a personal access token ({@code token}) or a GitHub App ({@code appId} and {@code appPrivateKey}, PEM
 * text); with neither, {@code owner/repo} targets are refused. {@code maxRateLimitWait}: the longest the bot waits for
 * an exhausted rate limit to reset before it gives up with a message; {@code mention} is how a pull request comment
 * addresses the bot ({@code @ai-wizard}); {@code timeouts} bound each API call. Secrets never appear in
 * {@link #toString()}.
 */
public record GitHubSettings(URI apiUrl, String token, String appId, String appPrivateKey, boolean draft,
                             List<String> labels, List<String> reviewers, Duration maxRateLimitWait,
                             String mention, Timeouts timeouts) {
    /**
     * How long one API call may take: {@code connect} to open the connection, {@code request} for the whole call
     * from sending to the last byte of the answer. Rate-limit waits come on top, bounded by {@code maxRateLimitWait}.
     */
    public record Timeouts(Duration connect, Duration request) {
        public Timeouts {
            requireNonNull(connect, "connect");
            requireNonNull(request, "request");
            if (connect.toMillis() < 1 || request.toMillis() < 1) {
                throw new IllegalArgumentException("GitHub timeouts must be positive: " + connect + ", " + request);
            }
        }
    }

    public GitHubSettings {
        requireNonNull(apiUrl, "apiUrl");
        requireNonNull(timeouts, "timeouts");
        requireNonNull(maxRateLimitWait, "maxRateLimitWait");
        requireNonNull(mention, "mention");
        if (!"https".equalsIgnoreCase(apiUrl.getScheme()) && !"http".equalsIgnoreCase(apiUrl.getScheme())
                || apiUrl.getHost() == null || apiUrl.getUserInfo() != null) {
            throw new IllegalArgumentException("the GitHub API URL (GITHUB_API_URL) must be an http(s) URL without "
                    + "credentials, like "
                    + "https://api.github.com or https://github.example.com/api/v3");
        }
        token = blankToNull(token);
        appId = blankToNull(appId);
        appPrivateKey = blankToNull(appPrivateKey);
        if (token != null && appId != null) {
            throw new IllegalArgumentException("configure either a token or a GitHub App, not both");
        }
        if (appId != null && !appId.matches("\\d{1,20}")) {
            throw new IllegalArgumentException("the GitHub App id must be a number: " + appId);
        }
        if (appId != null && appPrivateKey == null || appId == null && appPrivateKey != null) {
            throw new IllegalArgumentException("a GitHub App needs both its id and its private key");
        }
        labels = labels == null ? List.of() : labels.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        reviewers = reviewers == null ? List.of()
                : reviewers.stream().map(String::strip).map(r -> r.startsWith("@") ? r.substring(1) : r)
                        .filter(s -> !s.isEmpty()).toList();
        for (String r : reviewers) {
            if (!r.matches("[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})")) {
                throw new IllegalArgumentException("not a GitHub user name: " + r);
            }
        }
        mention = mention.strip();
        if (!mention.matches("@[A-Za-z0-9][A-Za-z0-9\\[\\]/_-]{0,60}")) {
            throw new IllegalArgumentException("the mention (WIZARD_GITHUB_MENTION) must look like @ai-wizard: '"
                    + mention + "'");
        }
    }

    /** Whether any auth is configured. */
    public boolean enabled() {
        return token != null || appId != null;
    }

    /** Whether the bot signs in as a GitHub App (else with a token). */
    public boolean usesApp() {
        return appId != null;
    }

    /** The same settings signing in with {@code t}. */
    public GitHubSettings withToken(String t) {
        return new GitHubSettings(apiUrl, t, null, null, draft, labels, reviewers, maxRateLimitWait, mention,
                timeouts);
    }

    /** The same settings signing in as GitHub App {@code id} with the PEM {@code key}. */
    public GitHubSettings withApp(String id, String key) {
        return new GitHubSettings(apiUrl, null, id, key, draft, labels, reviewers, maxRateLimitWait, mention,
                timeouts);
    }

    /** The same settings against another API (GitHub Enterprise, or a test server). */
    public GitHubSettings withApiUrl(URI url) {
        return new GitHubSettings(url, token, appId, appPrivateKey, draft, labels, reviewers, maxRateLimitWait, mention,
                timeouts);
    }

    /** The same settings with other pull request defaults. */
    public GitHubSettings withPullRequests(boolean asDraft, List<String> prLabels, List<String> prReviewers) {
        return new GitHubSettings(apiUrl, token, appId, appPrivateKey, asDraft, prLabels, prReviewers,
                maxRateLimitWait, mention, timeouts);
    }

    /** The same settings with other call timeouts. */
    public GitHubSettings withTimeouts(Timeouts t) {
        return new GitHubSettings(apiUrl, token, appId, appPrivateKey, draft, labels, reviewers, maxRateLimitWait,
                mention, t);
    }

    @Override
    public String toString() {
        return "GitHubSettings[apiUrl=" + apiUrl + ", auth=" + (usesApp() ? "app " + appId : token != null ? "token"
                : "none") + ", draft=" + draft + ", labels=" + labels + ", reviewers=" + reviewers
                + ", maxRateLimitWait=" + maxRateLimitWait + ", mention=" + mention + ", timeouts=" + timeouts + "]";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
