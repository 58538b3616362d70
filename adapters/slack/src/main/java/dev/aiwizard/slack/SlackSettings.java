package dev.aiwizard.slack;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Duration;

/**
 * How the bot reaches Slack: the bot token ({@code xoxb-}), the signing secret that proves requests come from Slack,
 * the app-level token ({@code xapp-}) for Socket Mode ({@code null}: HTTP only), the Web API base URL
 * ({@code SLACK_API_URL}, Slack's own by default), and the least time between two of the bot's posts in one channel
 * (Slack allows about one per second).
 */
public record SlackSettings(String botToken, String signingSecret, String appToken, URI apiUrl, Duration postInterval) {
    public SlackSettings {
        if (botToken == null || botToken.isBlank()) {
            throw new IllegalArgumentException("SLACK_BOT_TOKEN is needed for Slack");
        }
        botToken = botToken.strip();
        signingSecret = signingSecret == null || signingSecret.isBlank() ? null : signingSecret.strip();
        appToken = appToken == null || appToken.isBlank() ? null : appToken.strip();
        if (signingSecret == null && appToken == null) {
            throw new IllegalArgumentException("Slack needs SLACK_SIGNING_SECRET (HTTP) or SLACK_APP_TOKEN (Socket Mode)");
        }
        if (appToken != null && !appToken.startsWith("xapp-")) {
            throw new IllegalArgumentException("SLACK_APP_TOKEN must be an app-level token (xapp-...)");
        }
        requireNonNull(postInterval, "postInterval");
        if (apiUrl == null || apiUrl.getHost() == null || apiUrl.getUserInfo() != null) {
            throw new IllegalArgumentException("SLACK_API_URL must be an http(s) URL without credentials");
        }
    }

    /** Whether Socket Mode is on (an app-level token is set). */
    public boolean socketMode() {
        return appToken != null;
    }

    /** The Web API base Bolt's client calls, ending in {@code /api/}. */
    public String methodsUrlPrefix() {
        String base = apiUrl.toString().replaceAll("/+$", "");
        return base.endsWith("/api") ? base + "/" : base + "/api/";
    }

    @Override
    public String toString() {
        return "SlackSettings[api=" + methodsUrlPrefix() + ", signing=" + (signingSecret != null) + ", socketMode="
                + socketMode() + ", postInterval=" + postInterval + "]";
    }
}
