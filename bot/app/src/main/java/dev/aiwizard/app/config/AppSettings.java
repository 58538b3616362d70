package dev.aiwizard.app.config;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.conversation.ConversationSettings;
import dev.aiwizard.core.job.JobSettings;
import dev.aiwizard.core.sandbox.SandboxSettings;
import dev.aiwizard.discord.DiscordSettings;
import dev.aiwizard.generator.llm.LlmSettings;
import dev.aiwizard.git.GitHubSettings;
import dev.aiwizard.sandbox.KubernetesSandboxSettings;
import dev.aiwizard.web.WebSettings;
import dev.aiwizard.slack.SlackSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Everything the composition root needs, read once at start-up by {@link SettingsLoader}, one record per concern:
 * the web server, where data is kept, the chat platforms, the conversation and generation engine, delivery to git
 * and GitHub, validation of generated projects, and the bounds that keep the bot answering.
 */
public record AppSettings(Server server, Persistence persistence, ChatPlatforms chat, Engine engine,
                          Delivery delivery, Validation validation, Resilience resilience) {
    public AppSettings {
        requireNonNull(server, "server");
        requireNonNull(persistence, "persistence");
        requireNonNull(chat, "chat");
        requireNonNull(engine, "engine");
        requireNonNull(delivery, "delivery");
        requireNonNull(validation, "validation");
        requireNonNull(resilience, "resilience");
    }

    /**
     * The web server: where it listens, the token of the REST API (empty: it answers on loopback only), the job
     * API's limits and the web pages' sign-in and admins.
     */
    public record Server(String host, int port, String apiToken, ApiSettings api, WebSettings web) {
        public Server {
            requireNonNull(host, "host");
            requireNonNull(apiToken, "apiToken");
            requireNonNull(api, "api");
            requireNonNull(web, "web");
            if (port < 0 || port > 65535) {
                throw new ConfigException("WIZARD_PORT must be between 0 and 65535, was " + port);
            }
        }

        @Override
        public String toString() {
            return "Server[host=" + host + ", port=" + port + ", apiToken=" + (apiToken.isEmpty() ? "none" : "set")
                    + ", api=" + api + ", web=" + web + "]";
        }
    }

    /**
     * Where data lives: the data directory (embedded database, local repositories), the database ({@code dbUrl}
     * empty: the embedded one) and Redis ({@code redisUrl} empty: in-process coordination).
     */
    public record Persistence(Path dataDir, String dbUrl, String dbUser, String dbPassword, int dbPoolSize,
                              String redisUrl) {
        public Persistence {
            requireNonNull(dataDir, "dataDir");
            requireNonNull(dbUrl, "dbUrl");
            requireNonNull(dbUser, "dbUser");
            requireNonNull(dbPassword, "dbPassword");
            requireNonNull(redisUrl, "redisUrl");
        }

        /** Without the password; Redis only as configured or not, since its URL may carry one. */
        @Override
        public String toString() {
            return "Persistence[dataDir=" + dataDir + ", dbUrl=" + dbUrl + ", dbUser=" + dbUser + ", dbPoolSize="
                    + dbPoolSize + ", redis=" + (redisUrl.isEmpty() ? "in-process" : "configured") + "]";
        }
    }

    /**
     * Where people talk to the bot: Slack and Discord (each null when not configured), the console and how long
     * piped input waits for the last job, and how acknowledged chat events are kept until handled.
     */
    public record ChatPlatforms(SlackSettings slack, DiscordSettings discord, ConsoleMode console,
                                Duration consoleWait, IntakeSettings intake) {
        public ChatPlatforms {
            requireNonNull(console, "console");
            requireNonNull(consoleWait, "consoleWait");
            requireNonNull(intake, "intake");
        }

        /** Whether Slack or Discord is configured (then the console is off unless asked for). */
        public boolean any() {
            return slack != null || discord != null;
        }
    }

    /** Whether the console adapter runs: {@code auto} turns it on while no chat platform is configured. */
    public enum ConsoleMode {
        AUTO, ON, OFF
    }

    /**
     * How acknowledged chat events are kept until handled: the lease a replica holds them under (renewed while it
     * lives; another replica takes them over this long after it died) and how often one is tried before giving up.
     */
    public record IntakeSettings(Duration lease, int maxAttempts) {
        public IntakeSettings {
            requireNonNull(lease, "lease");
            if (lease.toMillis() < 300) {
                throw new ConfigException("WIZARD_INBOX_LEASE_SECONDS must be positive");
            }
            if (maxAttempts < 1) {
                throw new ConfigException("WIZARD_INBOX_MAX_ATTEMPTS must be at least 1, was " + maxAttempts);
            }
        }
    }

    /**
     * The conversation and generation engine: the conversation's limits, the job runner and project limits, the
     * model (or none), and what the models cost for the cost metric ({@code WIZARD_LLM_PRICES}).
     */
    public record Engine(ConversationSettings conversation, JobSettings jobs, LlmSettings llm, ModelPrices prices) {
        public Engine {
            requireNonNull(conversation, "conversation");
            requireNonNull(jobs, "jobs");
            requireNonNull(llm, "llm");
            requireNonNull(prices, "prices");
        }
    }

    /**
     * Where generated projects go: the default target and the others a spec may name, the commits' author, GitHub
     * access and pull request defaults, and the GitHub webhook secret (empty: no webhook endpoint).
     */
    public record Delivery(String target, List<String> allowedTargets, String authorName, String authorEmail,
                           GitHubSettings github, String webhookSecret) {
        public Delivery {
            requireNonNull(target, "target");
            requireNonNull(authorName, "authorName");
            requireNonNull(authorEmail, "authorEmail");
            requireNonNull(github, "github");
            requireNonNull(webhookSecret, "webhookSecret");
            allowedTargets = List.copyOf(allowedTargets);
        }

        /** Without the webhook secret. */
        @Override
        public String toString() {
            return "Delivery[target=" + target + ", allowedTargets=" + allowedTargets + ", author=" + authorName
                    + " <" + authorEmail + ">, github=" + github + ", webhooks="
                    + (webhookSecret.isEmpty() ? "off" : "on") + "]";
        }
    }

    /**
     * How generated projects are validated: the sandbox's mode and limits, and the Kubernetes Jobs' settings (null
     * when projects run in bubblewrap on this node, {@code WIZARD_SANDBOX}).
     */
    public record Validation(SandboxSettings sandbox, KubernetesSandboxSettings kubernetes) {
        public Validation {
            requireNonNull(sandbox, "sandbox");
        }
    }
}
