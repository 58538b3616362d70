package dev.aiwizard.app;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.app.api.ApiService;
import dev.aiwizard.app.api.HealthService;
import dev.aiwizard.app.api.OpenApiService;
import dev.aiwizard.app.github.GitHubWebhookService;
import dev.aiwizard.app.slack.SlackEndpoint;
import dev.aiwizard.web.WebSurface;
import io.helidon.http.encoding.ContentEncodingContext;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.metrics.MetricsObserver;

/**
 * Every HTTP route the bot serves, registered in one place from the parts it is given: health, the job API and its
 * OpenAPI document, the web pages, and — when they are configured — Slack's events endpoint and GitHub's webhook; {@code /metrics}
 * is {@link #observe()}'s. {@link Wizard} serves it and the routing tests route through the same {@link #routing},
 * so what a test reaches is what the bot serves. A new surface is one more part in the {@link Builder} and one more
 * line in {@link #routing}.
 */
public final class HttpRoutes {
    public static final String HEALTH = "/health";
    public static final String OPENAPI = "/openapi";
    public static final String SLACK_EVENTS = "/slack/events";
    public static final String GITHUB_WEBHOOKS = "/webhooks/github";

    private final HealthService health;
    private final ApiService api;
    private final OpenApiService openApi = new OpenApiService();
    /** Null when not served. */
    private final SlackEndpoint slack;
    /** Null when not served. */
    private final GitHubWebhookService webhooks;
    /** The web pages (their own paths: /, /login, /conversations, /assets…); null when not served. */
    private final WebSurface web;

    private HttpRoutes(Builder b) {
        this.health = b.health;
        this.api = new ApiService(b.api);
        this.slack = b.slack;
        this.webhooks = b.webhooks;
        this.web = b.web;
    }

    /** Routes with the parts every bot serves: health and the job API; the platforms' endpoints are added on it. */
    public static Builder builder(HealthService health, ApiService.Parts api) {
        return new Builder(health, api);
    }

    /** Registers every route on {@code routing}. */
    public void routing(HttpRouting.Builder routing) {
        routing.register(HEALTH, health)
                .register(ApiService.BASE, api)
                .register(OPENAPI, openApi);
        if (slack != null) {
            routing.register(SLACK_EVENTS, slack);
        }
        if (webhooks != null) {
            routing.register(GITHUB_WEBHOOKS, webhooks);
        }
        if (web != null) {
            routing.register(web);
        }
    }

    /** The job API as registered: the OpenAPI document must list exactly its operations. */
    public ApiService api() {
        return api;
    }

    /**
     * How responses may be encoded: gzip for clients that accept it (browsers do; it makes the Swagger UI and the web
     * assets several times smaller on the wire), nothing else. Service discovery is off, as for {@link #observe()}.
     */
    public static ContentEncodingContext contentEncoding() {
        return ContentEncodingContext.builder()
                .contentEncodingsDiscoverServices(false)
                .addContentEncoding(new GzipEncoding())
                .build();
    }

    /**
     * {@code /metrics} (Prometheus), a server feature rather than a route. Service discovery is off, so an observer
     * that happens to be on the class path (health, config, info) never opens an endpoint of its own; health is
     * {@link HealthService}.
     */
    public static ObserveFeature observe() {
        return ObserveFeature.builder()
                .endpoint("/")
                .observersDiscoverServices(false)
                .addObserver(MetricsObserver.builder().endpoint("metrics").build())
                .build();
    }

    /** The parts to route; an optional part given as null is not served. */
    public static final class Builder {
        private final HealthService health;
        private final ApiService.Parts api;
        private SlackEndpoint slack;
        private GitHubWebhookService webhooks;
        private WebSurface web;

        private Builder(HealthService health, ApiService.Parts api) {
            this.health = requireNonNull(health, "health");
            this.api = requireNonNull(api, "api");
        }

        /** {@code POST /slack/events}, when Slack comes in over HTTP. */
        public Builder slack(SlackEndpoint endpoint) {
            this.slack = endpoint;
            return this;
        }

        /** {@code POST /webhooks/github}, when a webhook secret is configured. */
        public Builder gitHubWebhooks(GitHubWebhookService service) {
            this.webhooks = service;
            return this;
        }

        /** The web pages, at the paths {@link WebSurface} lists. */
        public Builder web(WebSurface surface) {
            this.web = surface;
            return this;
        }

        public HttpRoutes build() {
            return new HttpRoutes(this);
        }
    }
}
