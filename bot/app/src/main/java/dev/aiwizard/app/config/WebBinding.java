package dev.aiwizard.app.config;

import dev.aiwizard.core.conversation.Identities;
import dev.aiwizard.web.WebGateway;
import dev.aiwizard.web.WebSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The web pages' settings from {@code wizard.web}; the OAuth app's secret from the environment only. */
final class WebBinding {
    private static final URI GITHUB_API = URI.create("https://api.github.com");
    private static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})");
    private static final Pattern ACCOUNT = Pattern.compile("(slack|discord):([A-Za-z0-9._-]{1,64})");

    private WebBinding() {
    }

    /**
     * {@code WIZARD_WEB_IDENTITIES}: which GitHub login is which Slack or Discord user, as
     * {@code octocat=slack:U012AB3CD discord:80351110224678912, hubot=slack:U0G9QF9C6}.
     */
    static Identities identities(ConfigSection web) {
        Identities ids = Identities.none();
        for (String entry : web.list("identities")) {
            String[] parts = entry.split("=", 2);
            String login = parts[0].strip();
            if (parts.length < 2 || !LOGIN.matcher(login).matches() || parts[1].isBlank()) {
                throw new ConfigException(web.name("identities") + ": '" + entry + "' is not login=platform:id, e.g. "
                        + "octocat=slack:U012AB3CD");
            }
            for (String account : parts[1].strip().split("\\s+")) {
                Matcher m = ACCOUNT.matcher(account);
                if (!m.matches()) {
                    throw new ConfigException(web.name("identities") + ": '" + account + "' is not slack:<user id> or "
                            + "discord:<user id>");
                }
                ids = ids.link(WebGateway.PLATFORM, login, m.group(1), m.group(2));
            }
        }
        return ids;
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
