package dev.aiwizard.app.config;

import dev.aiwizard.web.WebSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/** The web pages' settings from {@code wizard.web}; the OAuth app's secret from the environment only. */
final class WebBinding {
    private static final URI GITHUB_API = URI.create("https://api.github.com");

    private WebBinding() {
    }

    static WebSettings web(ConfigSection web, ConfigSection github, Map<String, String> env) {
        ConfigSection oauth = web.section("oauth");
        String api = oauth.string("api-url");
        if (api.isEmpty()) {
            api = github.string("api-url");
        }
        String clientId = oauth.string("client-id");
        String publicUrl = web.string("public-url");
        if (!clientId.isEmpty() && publicUrl.isEmpty()) {
            throw new ConfigException(oauth.name("client-id") + " is set, so WIZARD_PUBLIC_URL must be too: GitHub "
                    + "sends people back to its /login/callback, the callback URL of the OAuth app");
        }
        int hours = web.integer("session-hours");
        if (hours < 1) {
            throw new ConfigException(web.name("session-hours") + " must be at least 1, was " + hours);
        }
        try {
            return new WebSettings(clientId, env.getOrDefault("GITHUB_OAUTH_CLIENT_SECRET", ""),
                    URI.create(oauth.string("url")), api.isEmpty() ? GITHUB_API : URI.create(api), publicUrl,
                    WebSettings.logins(web.list("admins")), WebSettings.logins(web.list("users")),
                    Duration.ofHours(hours));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("web settings (WIZARD_PUBLIC_URL, GITHUB_OAUTH_*): " + e.getMessage());
        }
    }
}
