package dev.aiwizard.app.config;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.conversation.ConversationSettings;
import dev.aiwizard.core.job.JobSettings;
import dev.aiwizard.core.sandbox.SandboxSettings;
import dev.aiwizard.sandbox.KubernetesSandboxSettings;
import dev.aiwizard.generator.llm.LlmSettings;
import dev.aiwizard.git.GitHubSettings;
import dev.aiwizard.discord.DiscordSettings;
import dev.aiwizard.slack.SlackSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Everything the composition root needs, read once at start-up. {@code dbUrl} and {@code redisUrl} are empty for
 * the embedded defaults; {@code apiToken} is empty when the REST API answers on loopback only;
 * {@code kubernetesSandbox} is null when projects are validated with bubblewrap ({@code WIZARD_SANDBOX});
 * {@code modelPrices} is what the models cost, for the cost metric ({@code WIZARD_LLM_PRICES}).
 */
public record AppSettings(String host, int port, Path dataDir, String dbUrl, String dbUser, String dbPassword,
                          int dbPoolSize, String redisUrl, String apiToken, ConversationSettings conversation,
                          JobSettings jobs, String target, String authorName, String authorEmail,
                          ConsoleMode console, Duration consoleWait, LlmSettings llm,
                          List<String> allowedTargets, GitHubSettings github, String webhookSecret,
                          SlackSettings slack, DiscordSettings discord, Resilience resilience,
                          IntakeSettings intake, SandboxSettings sandbox,
                          KubernetesSandboxSettings kubernetesSandbox, ModelPrices modelPrices, ApiSettings api) {
    public AppSettings {
        requireNonNull(modelPrices, "modelPrices");
        requireNonNull(api, "api");
        requireNonNull(intake, "intake");
        requireNonNull(sandbox, "sandbox");
        requireNonNull(host, "host");
        requireNonNull(dataDir, "dataDir");
        requireNonNull(dbUrl, "dbUrl");
        requireNonNull(dbUser, "dbUser");
        requireNonNull(dbPassword, "dbPassword");
        requireNonNull(redisUrl, "redisUrl");
        requireNonNull(apiToken, "apiToken");
        requireNonNull(conversation, "conversation");
        requireNonNull(jobs, "jobs");
        requireNonNull(target, "target");
        requireNonNull(console, "console");
        requireNonNull(consoleWait, "consoleWait");
        requireNonNull(llm, "llm");
        requireNonNull(github, "github");
        requireNonNull(resilience, "resilience");
        webhookSecret = webhookSecret == null ? "" : webhookSecret;
        allowedTargets = allowedTargets == null ? List.of()
                : allowedTargets.stream().map(String::strip).filter(t -> !t.isEmpty()).toList();
        if (port < 0 || port > 65535) {
            throw new ConfigException("WIZARD_PORT must be between 0 and 65535, was " + port);
        }
    }

    /** Whether Slack or Discord is configured (then the console is off unless asked for). */
    public boolean hasChatPlatform() {
        return slack != null || discord != null;
    }

    /** Whether the console adapter runs: {@code auto} turns it on while no chat platform is configured. */
    public enum ConsoleMode {
        AUTO, ON, OFF
    }

    /** Same settings with another port (tests use 0 for a free one). */
    public AppSettings withPort(int p) {
        return new AppSettings(host, p, dataDir, dbUrl, dbUser, dbPassword, dbPoolSize, redisUrl, apiToken,
                conversation, jobs, target, authorName, authorEmail, console, consoleWait, llm, allowedTargets, github,
                webhookSecret, slack, discord, resilience, intake, sandbox, kubernetesSandbox, modelPrices, api);
    }

    /** Same settings with another data directory. */
    public AppSettings withDataDir(Path dir) {
        return new AppSettings(host, port, dir, dbUrl, dbUser, dbPassword, dbPoolSize, redisUrl, apiToken, conversation,
                jobs, target, authorName, authorEmail, console, consoleWait, llm, allowedTargets, github, webhookSecret,
                slack, discord, resilience, intake, sandbox, kubernetesSandbox, modelPrices, api);
    }

    /** Same settings with another database. */
    public AppSettings withDatabase(String url, String user, String password) {
        return new AppSettings(host, port, dataDir, url, user, password, dbPoolSize, redisUrl, apiToken, conversation,
                jobs, target, authorName, authorEmail, console, consoleWait, llm, allowedTargets, github, webhookSecret,
                slack, discord, resilience, intake, sandbox, kubernetesSandbox, modelPrices, api);
    }

    /** Same settings with another Redis URL ({@code ""}: in-process coordination). */
    public AppSettings withRedis(String url) {
        return new AppSettings(host, port, dataDir, dbUrl, dbUser, dbPassword, dbPoolSize, url, apiToken, conversation,
                jobs, target, authorName, authorEmail, console, consoleWait, llm, allowedTargets, github, webhookSecret,
                slack, discord, resilience, intake, sandbox, kubernetesSandbox, modelPrices, api);
    }

    /** Same settings with the console adapter on, off or automatic. */
    public AppSettings withConsole(ConsoleMode mode) {
        return new AppSettings(host, port, dataDir, dbUrl, dbUser, dbPassword, dbPoolSize, redisUrl, apiToken,
                conversation, jobs, target, authorName, authorEmail, mode, consoleWait, llm, allowedTargets, github,
                webhookSecret, slack, discord, resilience, intake, sandbox, kubernetesSandbox, modelPrices, api);
    }

    /** Same settings with another API token ({@code ""}: loopback only). */
    public AppSettings withApiToken(String token) {
        return new AppSettings(host, port, dataDir, dbUrl, dbUser, dbPassword, dbPoolSize, redisUrl, token,
                conversation, jobs, target, authorName, authorEmail, console, consoleWait, llm, allowedTargets, github,
                webhookSecret, slack, discord, resilience, intake, sandbox, kubernetesSandbox, modelPrices, api);
    }

    /** Same settings with another model provider. */
    public AppSettings withLlm(LlmSettings other) {
        return new AppSettings(host, port, dataDir, dbUrl, dbUser, dbPassword, dbPoolSize, redisUrl, apiToken,
                conversation, jobs, target, authorName, authorEmail, console, consoleWait, other, allowedTargets,
                github, webhookSecret, slack, discord, resilience, intake, sandbox, kubernetesSandbox, modelPrices, api);
    }

    /** Same settings with other GitHub access and webhook secret ({@code ""}: webhooks off). */
    public AppSettings withGitHub(GitHubSettings other, String secret) {
        return new AppSettings(host, port, dataDir, dbUrl, dbUser, dbPassword, dbPoolSize, redisUrl, apiToken,
                conversation, jobs, target, authorName, authorEmail, console, consoleWait, llm, allowedTargets, other,
                secret, slack, discord, resilience, intake, sandbox, kubernetesSandbox, modelPrices, api);
    }

    /** Same settings with Slack ({@code null}: no Slack). */
    public AppSettings withSlack(SlackSettings other) {
        return new AppSettings(host, port, dataDir, dbUrl, dbUser, dbPassword, dbPoolSize, redisUrl, apiToken,
                conversation, jobs, target, authorName, authorEmail, console, consoleWait, llm, allowedTargets, github,
                webhookSecret, other, discord, resilience, intake, sandbox, kubernetesSandbox, modelPrices, api);
    }

    /** Same settings with Discord ({@code null}: no Discord). */
    public AppSettings withDiscord(DiscordSettings other) {
        return new AppSettings(host, port, dataDir, dbUrl, dbUser, dbPassword, dbPoolSize, redisUrl, apiToken,
                conversation, jobs, target, authorName, authorEmail, console, consoleWait, llm, allowedTargets, github,
                webhookSecret, slack, other, resilience, intake, sandbox, kubernetesSandbox, modelPrices, api);
    }

    /** Same settings with other timeouts and limits. */
    public AppSettings withResilience(Resilience other) {
        return new AppSettings(host, port, dataDir, dbUrl, dbUser, dbPassword, dbPoolSize, redisUrl, apiToken,
                conversation, jobs, target, authorName, authorEmail, console, consoleWait, llm, allowedTargets, github,
                webhookSecret, slack, discord, other, intake, sandbox, kubernetesSandbox, modelPrices, api);
    }

    /** Without any secret: the database password, the API token, keys and the webhook secret are only named. */
    @Override
    public String toString() {
        return "AppSettings[host=" + host + ", port=" + port + ", dataDir=" + dataDir + ", dbUrl=" + dbUrl
                + ", dbUser=" + dbUser + ", redis=" + (redisUrl.isEmpty() ? "in-process" : "configured")
                + ", target=" + target + ", allowedTargets=" + allowedTargets + ", llm=" + llm + ", github=" + github
                + ", webhooks=" + (webhookSecret.isEmpty() ? "off" : "on") + ", slack=" + slack
                + ", discord=" + discord + ", resilience=" + resilience + ", sandbox=" + sandbox + "]";
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

    /** Same settings with other validation settings (the sandbox's limits, slots and work dir). */
    public AppSettings withSandbox(SandboxSettings other) {
        return new AppSettings(host, port, dataDir, dbUrl, dbUser, dbPassword, dbPoolSize, redisUrl, apiToken,
                conversation, jobs, target, authorName, authorEmail, console, consoleWait, llm, allowedTargets, github,
                webhookSecret, slack, discord, resilience, intake, other, kubernetesSandbox, modelPrices, api);
    }

    /** Same settings with another inbox lease (tests use a short one to see a dead replica's events taken over). */
    public AppSettings withIntake(IntakeSettings other) {
        return new AppSettings(host, port, dataDir, dbUrl, dbUser, dbPassword, dbPoolSize, redisUrl, apiToken,
                conversation, jobs, target, authorName, authorEmail, console, consoleWait, llm, allowedTargets, github,
                webhookSecret, slack, discord, resilience, other, sandbox, kubernetesSandbox, modelPrices, api);
    }

    /** Same settings with other job API limits. */
    public AppSettings withApi(ApiSettings other) {
        return new AppSettings(host, port, dataDir, dbUrl, dbUser, dbPassword, dbPoolSize, redisUrl, apiToken,
                conversation, jobs, target, authorName, authorEmail, console, consoleWait, llm, allowedTargets, github,
                webhookSecret, slack, discord, resilience, intake, sandbox, kubernetesSandbox, modelPrices, other);
    }
}
