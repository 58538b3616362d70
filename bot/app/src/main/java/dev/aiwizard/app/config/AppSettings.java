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
import dev.aiwizard.web.WebSettings;
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
                          KubernetesSandboxSettings kubernetesSandbox, ModelPrices modelPrices, ApiSettings api,
                          WebSettings web) {
    public AppSettings {
        requireNonNull(modelPrices, "modelPrices");
        requireNonNull(api, "api");
        requireNonNull(web, "web");
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












    /** Without any secret: the database password, the API token, keys and the webhook secret are only named. */
    @Override
    public String toString() {
        return "AppSettings[host=" + host + ", port=" + port + ", dataDir=" + dataDir + ", dbUrl=" + dbUrl
                + ", dbUser=" + dbUser + ", redis=" + (redisUrl.isEmpty() ? "in-process" : "configured")
                + ", target=" + target + ", allowedTargets=" + allowedTargets + ", llm=" + llm + ", github=" + github
                + ", webhooks=" + (webhookSecret.isEmpty() ? "off" : "on") + ", slack=" + slack
                + ", discord=" + discord + ", resilience=" + resilience + ", sandbox=" + sandbox + ", web=" + web + "]";
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

    /** An empty builder: {@link SettingsLoader} names each value it binds instead of passing 27 in a row. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these settings, for what is not configuration (a test's faster model timing). */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.host = host;
        b.port = port;
        b.dataDir = dataDir;
        b.dbUrl = dbUrl;
        b.dbUser = dbUser;
        b.dbPassword = dbPassword;
        b.dbPoolSize = dbPoolSize;
        b.redisUrl = redisUrl;
        b.apiToken = apiToken;
        b.conversation = conversation;
        b.jobs = jobs;
        b.target = target;
        b.authorName = authorName;
        b.authorEmail = authorEmail;
        b.console = console;
        b.consoleWait = consoleWait;
        b.llm = llm;
        b.allowedTargets = allowedTargets;
        b.github = github;
        b.webhookSecret = webhookSecret;
        b.slack = slack;
        b.discord = discord;
        b.resilience = resilience;
        b.intake = intake;
        b.sandbox = sandbox;
        b.kubernetesSandbox = kubernetesSandbox;
        b.modelPrices = modelPrices;
        b.api = api;
        b.web = web;
        return b;
    }

    /** Sets some settings by name; {@link #build()} validates like the record does. */
    public static final class Builder {
        private String host;
        private int port;
        private Path dataDir;
        private String dbUrl;
        private String dbUser;
        private String dbPassword;
        private int dbPoolSize;
        private String redisUrl;
        private String apiToken;
        private ConversationSettings conversation;
        private JobSettings jobs;
        private String target;
        private String authorName;
        private String authorEmail;
        private ConsoleMode console;
        private Duration consoleWait;
        private LlmSettings llm;
        private List<String> allowedTargets;
        private GitHubSettings github;
        private String webhookSecret;
        private SlackSettings slack;
        private DiscordSettings discord;
        private Resilience resilience;
        private IntakeSettings intake;
        private SandboxSettings sandbox;
        private KubernetesSandboxSettings kubernetesSandbox;
        private ModelPrices modelPrices;
        private ApiSettings api;
        private WebSettings web;

        private Builder() {
        }

        public Builder host(String value) { host = value; return this; }
        public Builder port(int value) { port = value; return this; }
        public Builder dataDir(Path value) { dataDir = value; return this; }
        public Builder dbUrl(String value) { dbUrl = value; return this; }
        public Builder dbUser(String value) { dbUser = value; return this; }
        public Builder dbPassword(String value) { dbPassword = value; return this; }
        public Builder dbPoolSize(int value) { dbPoolSize = value; return this; }
        public Builder redisUrl(String value) { redisUrl = value; return this; }
        public Builder apiToken(String value) { apiToken = value; return this; }
        public Builder conversation(ConversationSettings value) { conversation = value; return this; }
        public Builder jobs(JobSettings value) { jobs = value; return this; }
        public Builder target(String value) { target = value; return this; }
        public Builder authorName(String value) { authorName = value; return this; }
        public Builder authorEmail(String value) { authorEmail = value; return this; }
        public Builder console(ConsoleMode value) { console = value; return this; }
        public Builder consoleWait(Duration value) { consoleWait = value; return this; }
        public Builder llm(LlmSettings value) { llm = value; return this; }
        public Builder allowedTargets(List<String> value) { allowedTargets = value; return this; }
        public Builder github(GitHubSettings value) { github = value; return this; }
        public Builder webhookSecret(String value) { webhookSecret = value; return this; }
        public Builder slack(SlackSettings value) { slack = value; return this; }
        public Builder discord(DiscordSettings value) { discord = value; return this; }
        public Builder resilience(Resilience value) { resilience = value; return this; }
        public Builder intake(IntakeSettings value) { intake = value; return this; }
        public Builder sandbox(SandboxSettings value) { sandbox = value; return this; }
        public Builder kubernetesSandbox(KubernetesSandboxSettings value) { kubernetesSandbox = value; return this; }
        public Builder modelPrices(ModelPrices value) { modelPrices = value; return this; }
        public Builder api(ApiSettings value) { api = value; return this; }
        public Builder web(WebSettings value) { web = value; return this; }

        public AppSettings build() {
            return new AppSettings(host, port, dataDir, dbUrl, dbUser, dbPassword, dbPoolSize, redisUrl, apiToken,
                    conversation, jobs, target, authorName, authorEmail, console, consoleWait, llm, allowedTargets,
                    github, webhookSecret, slack, discord, resilience, intake, sandbox, kubernetesSandbox,
                    modelPrices, api, web);
        }
    }
}
