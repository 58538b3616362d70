package dev.aiwizard.app.config;

import dev.aiwizard.core.chat.TurnLimits;
import dev.aiwizard.core.conversation.AdminPolicy;
import dev.aiwizard.core.conversation.ConversationSettings;
import dev.aiwizard.core.job.JobSettings;
import dev.aiwizard.core.job.ProjectLimits;
import dev.aiwizard.core.sandbox.SandboxLimits;
import dev.aiwizard.core.sandbox.SandboxSettings;
import dev.aiwizard.core.spec.Spec;
import dev.aiwizard.core.spec.TargetPolicy;
import dev.aiwizard.generator.llm.LlmSettings;
import dev.aiwizard.generator.llm.Provider;
import dev.aiwizard.generator.llm.Role;
import dev.aiwizard.git.GitHubSettings;
import dev.aiwizard.discord.DiscordSettings;
import dev.aiwizard.slack.SlackSettings;
import dev.aiwizard.sandbox.KubernetesSandboxSettings;
import dev.aiwizard.storage.StorageSettings;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code application.yaml} (from the classpath, then the file named by {@code WIZARD_CONFIG} if set) and lets
 * the documented environment variables override it. Secrets are read from the environment only.
 */
public final class SettingsLoader {
    private final Config config;
    private final Map<String, String> env;

    private SettingsLoader(Config config, Map<String, String> env) {
        this.config = config;
        this.env = env;
    }

    /** Loads the settings from the packaged defaults, an optional file and {@code env}. */
    public static AppSettings load(Map<String, String> env) {
        var builder = Config.builder().disableEnvironmentVariablesSource().disableSystemPropertiesSource();
        String file = env.get("WIZARD_CONFIG");
        if (file != null && !file.isBlank()) {
            if (!Files.isReadable(Path.of(file))) {
                throw new ConfigException("WIZARD_CONFIG names " + file + ", which is not a readable file");
            }
            builder.addSource(ConfigSources.file(file));
        }
        builder.addSource(ConfigSources.classpath("application.yaml"));
        return new SettingsLoader(builder.build(), env).read();
    }

    private AppSettings read() {
        LlmSettings llm = llm();
        String target = string("git.target", "WIZARD_TARGET");
        List<String> allowedTargets = List.of(string("git.allowed-targets", "WIZARD_ALLOWED_TARGETS").split(","));
        var conversation = new ConversationSettings(
                integer("conversation.max-questions", "WIZARD_MAX_QUESTIONS"),
                integer("conversation.max-idea-length", "WIZARD_MAX_IDEA_LENGTH"),
                integer("conversation.generations-per-hour", "WIZARD_GENERATIONS_PER_HOUR"),
                integer("conversation.conversations-per-hour", "WIZARD_CONVERSATIONS_PER_HOUR"),
                Duration.ofSeconds(10), llm.usesModel() ? allowedModels() : List.of(),
                new TargetPolicy(target.isEmpty() ? TargetPolicy.LOCAL : target, allowedTargets), admins());
        var limits = limits();
        var jobs = new JobSettings(integer("jobs.concurrency", "WIZARD_JOB_CONCURRENCY"),
                Duration.ofSeconds(integer("jobs.lease-seconds", "WIZARD_JOB_LEASE_SECONDS")),
                Duration.ofSeconds(2), integer("jobs.max-attempts", "WIZARD_JOB_MAX_ATTEMPTS"), limits);
        return new AppSettings(
                string("host", "WIZARD_HOST"),
                integer("port", "WIZARD_PORT"),
                Path.of(string("data-dir", "WIZARD_DATA_DIR")),
                string("db.url", "WIZARD_DB_URL"),
                string("db.user", "WIZARD_DB_USER"),
                env.getOrDefault("WIZARD_DB_PASSWORD", ""),
                integer("db.pool-size", "WIZARD_DB_POOL_SIZE"),
                string("redis.url", "WIZARD_REDIS_URL"),
                env.getOrDefault("WIZARD_API_TOKEN", ""),
                conversation, jobs,
                target,
                string("git.author-name", "WIZARD_GIT_AUTHOR_NAME"),
                string("git.author-email", "WIZARD_GIT_AUTHOR_EMAIL"),
                consoleMode(string("console.enabled", "WIZARD_CONSOLE")),
                Duration.ofSeconds(integer("console.wait-at-end-seconds", "WIZARD_CONSOLE_WAIT_SECONDS")),
                llm, allowedTargets, github(),
                env.getOrDefault("GITHUB_WEBHOOK_SECRET", "").strip(), slack(), discord(), resilience(),
                new AppSettings.IntakeSettings(Duration.ofSeconds(integer("inbox.lease-seconds",
                        "WIZARD_INBOX_LEASE_SECONDS")), integer("inbox.max-attempts", "WIZARD_INBOX_MAX_ATTEMPTS")),
                sandbox(), kubernetesSandbox(),
                ModelPrices.parse(string("llm.prices", "WIZARD_LLM_PRICES"), "WIZARD_LLM_PRICES"), api());
    }

    /** The job API's limits. */
    private ApiSettings api() {
        return new ApiSettings(integer("api.jobs-per-minute", "WIZARD_API_JOBS_PER_MINUTE"),
                integer("api.max-idea-length", "WIZARD_API_MAX_IDEA_LENGTH"),
                Duration.ofHours(integer("api.cache-hours", "WIZARD_API_CACHE_HOURS")),
                Duration.ofMillis(integer("api.events-tail-ms", "WIZARD_API_EVENTS_TAIL_MS")),
                Duration.ofSeconds(integer("api.events-keepalive-seconds", "WIZARD_API_EVENTS_KEEPALIVE_SECONDS")));
    }

    /** Where validation runs ({@code WIZARD_SANDBOX}): null for bubblewrap, the Jobs' settings for Kubernetes. */
    private KubernetesSandboxSettings kubernetesSandbox() {
        String kind = string("validation.sandbox", "WIZARD_SANDBOX").strip().toLowerCase(Locale.ROOT);
        switch (kind) {
            case "bubblewrap", "" -> {
                return null;
            }
            case "kubernetes" -> {
                String image = string("validation.kubernetes.image", "WIZARD_K8S_SANDBOX_IMAGE").strip();
                if (image.isEmpty()) {
                    throw new ConfigException("WIZARD_SANDBOX=kubernetes needs WIZARD_K8S_SANDBOX_IMAGE, the image"
                            + " the sandbox Jobs run (the bot's own image has every stack's tools)");
                }
                try {
                    return new KubernetesSandboxSettings(
                            string("validation.kubernetes.namespace", "WIZARD_K8S_NAMESPACE").strip(), image,
                            string("validation.kubernetes.cache-claim", "WIZARD_K8S_CACHE_CLAIM").strip(),
                            string("validation.kubernetes.cpu", "WIZARD_K8S_SANDBOX_CPU").strip(),
                            Duration.ofSeconds(integer("validation.kubernetes.job-ttl-seconds",
                                    "WIZARD_K8S_JOB_TTL_SECONDS")), Duration.ofSeconds(1));
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(e.getMessage());
                }
            }
            default -> throw new ConfigException("WIZARD_SANDBOX must be bubblewrap or kubernetes, was '" + kind + "'");
        }
    }

    /**
     * Validation of generated projects in the sandbox: whether, the limits of a run, slots, and the work dir for the
     * shared dependency caches (empty: {@code <data-dir>/sandbox}).
     */
    private SandboxSettings sandbox() {
        String dir = string("validation.work-dir", "WIZARD_SANDBOX_DIR");
        try {
            var limits = new SandboxLimits(seconds("validation.timeout-seconds", "WIZARD_SANDBOX_TIMEOUT_SECONDS"),
                    longValue("validation.memory-mb", "WIZARD_SANDBOX_MEMORY_MB") << 20,
                    seconds("validation.cpu-seconds", "WIZARD_SANDBOX_CPU_SECONDS"),
                    integer("validation.max-processes", "WIZARD_SANDBOX_MAX_PROCESSES"),
                    longValue("validation.max-output-kb", "WIZARD_SANDBOX_MAX_OUTPUT_KB") << 10);
            return new SandboxSettings(SandboxSettings.Mode.parse(string("validation.mode", "WIZARD_VALIDATE")), limits,
                    integer("validation.slots", "WIZARD_SANDBOX_SLOTS"),
                    dir.isEmpty() ? Path.of(string("data-dir", "WIZARD_DATA_DIR"), "sandbox") : Path.of(dir),
                    integer("validation.repair-rounds", "WIZARD_REPAIR_ROUNDS"));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("validation settings (WIZARD_VALIDATE, WIZARD_SANDBOX_*, WIZARD_REPAIR_ROUNDS): "
                    + e.getMessage());
        }
    }

    /** Timeouts and limits that keep a slow or flooded bot answering. */
    private Resilience resilience() {
        StorageSettings.Timeouts db;
        try {
            db = new StorageSettings.Timeouts(
                    seconds("db.connect-timeout-seconds", "WIZARD_DB_CONNECT_TIMEOUT_SECONDS"),
                    seconds("db.socket-timeout-seconds", "WIZARD_DB_SOCKET_TIMEOUT_SECONDS"),
                    seconds("db.statement-timeout-seconds", "WIZARD_DB_STATEMENT_TIMEOUT_SECONDS"));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("WIZARD_DB_*_TIMEOUT_SECONDS: " + e.getMessage());
        }
        TurnLimits turns;
        try {
            turns = new TurnLimits(integer("chat.max-turns-per-thread", "WIZARD_MAX_TURNS_PER_THREAD"),
                    integer("chat.max-turns", "WIZARD_MAX_TURNS"));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("WIZARD_MAX_TURNS_PER_THREAD, WIZARD_MAX_TURNS: " + e.getMessage());
        }
        try {
            return new Resilience(db, turns, integer("webhooks.max-in-flight", "WIZARD_WEBHOOKS_MAX_IN_FLIGHT"),
                    grace(string("shutdown-grace", "WIZARD_SHUTDOWN_GRACE")),
                    integer("http.max-in-flight", "WIZARD_HTTP_MAX_IN_FLIGHT"));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("WIZARD_WEBHOOKS_MAX_IN_FLIGHT, WIZARD_SHUTDOWN_GRACE, WIZARD_HTTP_MAX_IN_FLIGHT: "
                    + e.getMessage());
        }
    }

    /** {@code 25s}, {@code 25} (seconds) or {@code 1m}: how operators write a grace period. */
    private static Duration grace(String value) {
        var m = Pattern.compile("(\\d{1,6})\\s*(s|m)?").matcher(value.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new ConfigException("WIZARD_SHUTDOWN_GRACE must be seconds like 25s (or minutes like 1m), was '"
                    + value + "'");
        }
        long n = Long.parseLong(m.group(1));
        return "m".equals(m.group(2)) ? Duration.ofMinutes(n) : Duration.ofSeconds(n);
    }

    private Duration seconds(String key, String envName) {
        return Duration.ofSeconds(longValue(key, envName));
    }

    /** Who besides the requester approves, cancels and changes delivered code: per platform, in the core's terms. */
    private AdminPolicy admins() {
        return AdminPolicy.none()
                .withUsers("slack", List.of(string("slack.admins", "WIZARD_SLACK_ADMINS").split(",")))
                .withRoles("discord", List.of(string("discord.admin-roles", "WIZARD_DISCORD_ADMIN_ROLES").split(",")));
    }

    /** Slack, when a bot token is set: tokens and secret only from the environment, Slack's usual names. */
    private SlackSettings slack() {
        String token = env.getOrDefault("SLACK_BOT_TOKEN", "").strip();
        if (token.isEmpty()) {
            return null;
        }
        String api = env.getOrDefault("SLACK_API_URL", "").strip();
        try {
            return new SlackSettings(token, env.get("SLACK_SIGNING_SECRET"), env.get("SLACK_APP_TOKEN"),
                    api.isEmpty() ? null : URI.create(api),
                    Duration.ofMillis(longValue("slack.post-interval-ms", "WIZARD_SLACK_POST_INTERVAL_MS")));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("Slack settings (SLACK_*): " + e.getMessage());
        }
    }

    /** Discord, when a bot token is set: the token only from the environment. */
    private DiscordSettings discord() {
        String token = env.getOrDefault("DISCORD_BOT_TOKEN", "").strip();
        if (token.isEmpty()) {
            return null;
        }
        String api = env.getOrDefault("DISCORD_API_URL", "").strip();
        String gateway = env.getOrDefault("DISCORD_GATEWAY_URL", "").strip();
        try {
            String total = env.getOrDefault("DISCORD_SHARD_TOTAL", "").strip();
            return new DiscordSettings(token, env.get("DISCORD_GUILD_ID"), api.isEmpty() ? null : URI.create(api),
                    gateway.isEmpty() ? null : URI.create(gateway), total.isEmpty() ? 0 : Integer.parseInt(total),
                    DiscordSettings.parseShards(env.get("DISCORD_SHARDS")),
                    bool("discord.message-content", "WIZARD_DISCORD_MESSAGE_CONTENT"));
        } catch (NumberFormatException e) {
            throw new ConfigException("Discord settings: DISCORD_SHARD_TOTAL must be a number");
        } catch (IllegalArgumentException e) {
            throw new ConfigException("Discord settings (DISCORD_*): " + e.getMessage());
        }
    }

    /** GitHub access: a token or an app, only from the environment; pull request defaults from the configuration. */
    private GitHubSettings github() {
        String api = string("github.api-url", "GITHUB_API_URL");
        String key = env.getOrDefault("GITHUB_APP_PRIVATE_KEY", "").strip();
        if (!key.isEmpty() && !key.contains("-----BEGIN")) {
            // Not PEM text, so a path to the .pem file GitHub let the admin download.
            Path file = Path.of(key);
            try {
                key = Files.readString(file);
            } catch (IOException | RuntimeException e) {
                throw new ConfigException("GITHUB_APP_PRIVATE_KEY is neither PEM text nor a readable file ("
                        + e.getClass().getSimpleName() + ")");
            }
        }
        try {
            return new GitHubSettings(api.isEmpty() ? null : URI.create(api), env.get("GITHUB_TOKEN"),
                    env.get("GITHUB_APP_ID"), key,
                    bool("github.draft", "WIZARD_GITHUB_DRAFT"),
                    List.of(string("github.labels", "WIZARD_GITHUB_LABELS").split(",")),
                    List.of(string("github.reviewers", "WIZARD_GITHUB_REVIEWERS").split(",")),
                    Duration.ofSeconds(integer("github.max-rate-limit-wait-seconds",
                            "WIZARD_GITHUB_MAX_RATE_LIMIT_WAIT_SECONDS")),
                    string("github.mention", "WIZARD_GITHUB_MENTION"),
                    new GitHubSettings.Timeouts(
                            Duration.ofSeconds(integer("github.connect-timeout-seconds",
                                    "WIZARD_GITHUB_CONNECT_TIMEOUT_SECONDS")),
                            Duration.ofSeconds(integer("github.request-timeout-seconds",
                                    "WIZARD_GITHUB_REQUEST_TIMEOUT_SECONDS"))));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("GitHub settings (GITHUB_*): " + e.getMessage());
        }
    }

    private boolean bool(String key, String envName) {
        String v = string(key, envName).toLowerCase(Locale.ROOT);
        return switch (v) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new ConfigException(envName + " (wizard." + key + ") must be true or false, was '" + v
                    + "'");
        };
    }

    /** The model provider; its keys come only from the environment. */
    private LlmSettings llm() {
        Provider provider;
        try {
            provider = Provider.parse(string("llm.provider", "WIZARD_LLM_PROVIDER"));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("WIZARD_LLM_PROVIDER: " + e.getMessage());
        }
        String baseUrl = switch (provider) {
            case OPENAI -> string("llm.openai-base-url", "OPENAI_BASE_URL");
            case ANTHROPIC -> string("llm.anthropic-base-url", "ANTHROPIC_BASE_URL");
            case OLLAMA -> string("llm.ollama-base-url", "OLLAMA_BASE_URL");
            case OFFLINE -> "";
        };
        String key = switch (provider) {
            case OPENAI -> env.getOrDefault("OPENAI_API_KEY", "");
            case ANTHROPIC -> env.getOrDefault("ANTHROPIC_API_KEY", "");
            default -> "";
        };
        Map<Role, String> roles = new EnumMap<>(Role.class);
        for (Role r : Role.values()) {
            String name = r.name().toLowerCase(Locale.ROOT);
            String model = string("llm." + name + "-model", "WIZARD_LLM_" + r.name() + "_MODEL");
            if (!model.isEmpty()) {
                roles.put(r, model);
            }
        }
        try {
            return new LlmSettings(provider, baseUrl.isEmpty() ? null : baseUrl, key.isBlank() ? null : key,
                    blankToNull(string("llm.model", "WIZARD_LLM_MODEL")), roles,
                    Duration.ofSeconds(integer("llm.timeout-seconds", "WIZARD_LLM_TIMEOUT_SECONDS")),
                    integer("llm.retries", "WIZARD_LLM_RETRIES"), Duration.ofSeconds(1), Duration.ofSeconds(60),
                    5, Duration.ofSeconds(30),
                    integer("llm.concurrency", "WIZARD_LLM_CONCURRENCY"),
                    integer("llm.repair-rounds", "WIZARD_LLM_REPAIR_ROUNDS"), 2,
                    integer("llm.max-output-tokens", "WIZARD_LLM_MAX_OUTPUT_TOKENS"),
                    longValue("llm.job-token-budget", "WIZARD_LLM_JOB_TOKEN_BUDGET"),
                    longValue("llm.daily-token-budget", "WIZARD_LLM_DAILY_TOKEN_BUDGET"));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("model settings: " + e.getMessage());
        }
    }

    /** The models people may choose with {@code model=}; none by default, since a model choice changes cost. */
    private List<String> allowedModels() {
        List<String> out = new ArrayList<>();
        for (String m : string("llm.allowed-models", "WIZARD_LLM_ALLOWED_MODELS").split(",")) {
            String name = m.strip();
            if (name.isEmpty()) {
                continue;
            }
            if (!Spec.MODEL.matcher(name).matches()) {
                throw new ConfigException("WIZARD_LLM_ALLOWED_MODELS names '" + name + "', which is not a model name");
            }
            out.add(name);
        }
        return out;
    }

    private static String blankToNull(String s) {
        return s.isBlank() ? null : s;
    }


    private ProjectLimits limits() {
        Set<String> allowed = new LinkedHashSet<>();
        for (String p : string("jobs.allow-protected-paths", "WIZARD_ALLOW_PROTECTED_PATHS").split(",")) {
            String path = p.strip().toLowerCase(Locale.ROOT);
            if (path.isEmpty()) {
                continue;
            }
            if (!ProjectLimits.PROTECTED.contains(path)) {
                throw new ConfigException("WIZARD_ALLOW_PROTECTED_PATHS names '" + p.strip() + "', which is not one of "
                        + String.join(", ", ProjectLimits.PROTECTED));
            }
            allowed.add(path);
        }
        // The bot's own secrets must never end up in a generated file.
        List<String> secrets = new ArrayList<>();
        for (String name : new String[] {"WIZARD_DB_PASSWORD", "WIZARD_API_TOKEN", "OPENAI_API_KEY",
                "ANTHROPIC_API_KEY", "GITHUB_TOKEN", "GITHUB_WEBHOOK_SECRET", "SLACK_BOT_TOKEN",
                "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN", "DISCORD_BOT_TOKEN"}) {
            String value = env.getOrDefault(name, "");
            if (!value.isBlank()) {
                secrets.add(value);
            }
        }
        int maxFileBytes = integer("jobs.max-file-bytes", "WIZARD_MAX_FILE_BYTES");
        return new ProjectLimits(integer("jobs.max-files", "WIZARD_MAX_FILES"), maxFileBytes,
                Math.max((long) maxFileBytes, 20L * 1024 * 1024), allowed, secrets);
    }

    private String string(String key, String envName) {
        String fromEnv = env.get(envName);
        if (fromEnv != null) {
            return fromEnv.strip();
        }
        return config.get("wizard." + key).asString().orElse("").strip();
    }

    private int integer(String key, String envName) {
        long value = longValue(key, envName);
        if (value != (int) value) {
            throw new ConfigException(envName + " (wizard." + key + ") is too large: " + value);
        }
        return (int) value;
    }

    private long longValue(String key, String envName) {
        String value = string(key, envName);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new ConfigException(envName + " (wizard." + key + ") must be a whole number, was '" + value + "'");
        }
    }

    private static AppSettings.ConsoleMode consoleMode(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "auto", "" -> AppSettings.ConsoleMode.AUTO;
            case "true", "on", "yes" -> AppSettings.ConsoleMode.ON;
            case "false", "off", "no" -> AppSettings.ConsoleMode.OFF;
            default -> throw new ConfigException("WIZARD_CONSOLE must be auto, true or false, was '" + value + "'");
        };
    }
}
