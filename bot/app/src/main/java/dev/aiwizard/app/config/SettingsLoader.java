package dev.aiwizard.app.config;

import dev.aiwizard.core.chat.TurnLimits;
import dev.aiwizard.core.conversation.ConversationSettings;
import dev.aiwizard.core.spec.TargetPolicy;
import dev.aiwizard.generator.llm.LlmSettings;
import dev.aiwizard.storage.StorageSettings;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads one configuration tree from the environment variables of {@link EnvironmentVariables}, the file named by
 * {@code WIZARD_CONFIG} if set, and {@code application.yaml} (the one home of defaults), in that order of
 * precedence, and binds each module's settings record from its section. Secrets are read from the environment only.
 */
public final class SettingsLoader {
    private SettingsLoader() {
    }

    /** Loads the settings from the packaged defaults, an optional file and {@code env}. */
    public static AppSettings load(Map<String, String> env) {
        var builder = Config.builder().disableEnvironmentVariablesSource().disableSystemPropertiesSource()
                .disableValueResolving().addSource(EnvironmentVariables.source(env));
        String file = env.get("WIZARD_CONFIG");
        if (file != null && !file.isBlank()) {
            if (!Files.isReadable(Path.of(file))) {
                throw new ConfigException("WIZARD_CONFIG names " + file + ", which is not a readable file");
            }
            builder.addSource(ConfigSources.file(file));
        }
        builder.addSource(ConfigSources.classpath("application.yaml"));
        return bind(new ConfigSection(builder.build().get("wizard")), env);
    }

    private static AppSettings bind(ConfigSection wizard, Map<String, String> env) {
        Path dataDir = Path.of(wizard.string("data-dir"));
        LlmSettings llm = LlmBinding.llm(wizard.section("llm"), env);
        var conversation = conversation(wizard, llm.usesModel() ? LlmBinding.allowedModels(wizard.section("llm"))
                : List.of());
        ConfigSection db = wizard.section("db");
        ConfigSection git = wizard.section("git");
        ConfigSection console = wizard.section("console");
        ConfigSection inbox = wizard.section("inbox");
        return AppSettings.builder()
                .host(wizard.string("host")).port(wizard.integer("port")).dataDir(dataDir)
                .dbUrl(db.string("url")).dbUser(db.string("user"))
                .dbPassword(env.getOrDefault("WIZARD_DB_PASSWORD", ""))
                .dbPoolSize(db.integer("pool-size")).redisUrl(wizard.section("redis").string("url"))
                .apiToken(env.getOrDefault("WIZARD_API_TOKEN", ""))
                .conversation(conversation).jobs(JobBinding.jobs(wizard.section("jobs"), env))
                .target(git.string("target")).allowedTargets(conversation.targets().allowed())
                .authorName(git.string("author-name")).authorEmail(git.string("author-email"))
                .console(consoleMode(console.string("enabled"))).consoleWait(console.seconds("wait-at-end-seconds"))
                .llm(llm).modelPrices(LlmBinding.prices(wizard.section("llm")))
                .github(GitHubBinding.github(wizard.section("github"), env))
                .webhookSecret(env.getOrDefault("GITHUB_WEBHOOK_SECRET", "").strip())
                .slack(ChatPlatformBinding.slack(wizard.section("slack"), env))
                .discord(ChatPlatformBinding.discord(wizard.section("discord"), env))
                .resilience(resilience(wizard))
                .intake(new AppSettings.IntakeSettings(inbox.seconds("lease-seconds"), inbox.integer("max-attempts")))
                .sandbox(ValidationBinding.sandbox(wizard.section("validation"), dataDir))
                .kubernetesSandbox(ValidationBinding.kubernetes(wizard.section("validation")))
                .api(api(wizard.section("api")))
                .web(WebBinding.web(wizard.section("web"), wizard.section("github"), env))
                .build();
    }

    /** The conversation engine's limits, targets and admins; how long to wait for a busy conversation is fixed. */
    private static ConversationSettings conversation(ConfigSection wizard, List<String> allowedModels) {
        ConfigSection c = wizard.section("conversation");
        ConfigSection git = wizard.section("git");
        String target = git.string("target");
        return new ConversationSettings(c.integer("max-questions"), c.integer("max-idea-length"),
                c.integer("generations-per-hour"), c.integer("conversations-per-hour"), Duration.ofSeconds(10),
                allowedModels, new TargetPolicy(target.isEmpty() ? TargetPolicy.LOCAL : target,
                        git.list("allowed-targets")),
                ChatPlatformBinding.admins(wizard.section("slack"), wizard.section("discord")),
                WebBinding.identities(wizard.section("web")));
    }

    /** The job API's limits. */
    private static ApiSettings api(ConfigSection api) {
        return new ApiSettings(api.integer("jobs-per-minute"), api.integer("max-idea-length"),
                Duration.ofHours(api.integer("cache-hours")), Duration.ofMillis(api.integer("events-tail-ms")),
                api.seconds("events-keepalive-seconds"));
    }

    /** Timeouts and limits that keep a slow or flooded bot answering. */
    private static Resilience resilience(ConfigSection wizard) {
        ConfigSection db = wizard.section("db");
        StorageSettings.Timeouts timeouts;
        try {
            timeouts = new StorageSettings.Timeouts(db.seconds("connect-timeout-seconds"),
                    db.seconds("socket-timeout-seconds"), db.seconds("statement-timeout-seconds"));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("WIZARD_DB_*_TIMEOUT_SECONDS: " + e.getMessage());
        }
        TurnLimits turns;
        try {
            turns = new TurnLimits(wizard.section("chat").integer("max-turns-per-thread"),
                    wizard.section("chat").integer("max-turns"));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("WIZARD_MAX_TURNS_PER_THREAD, WIZARD_MAX_TURNS: " + e.getMessage());
        }
        try {
            return new Resilience(timeouts, turns, wizard.section("webhooks").integer("max-in-flight"),
                    grace(wizard.string("shutdown-grace")), wizard.section("http").integer("max-in-flight"));
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

    private static AppSettings.ConsoleMode consoleMode(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "auto", "" -> AppSettings.ConsoleMode.AUTO;
            case "true", "on", "yes" -> AppSettings.ConsoleMode.ON;
            case "false", "off", "no" -> AppSettings.ConsoleMode.OFF;
            default -> throw new ConfigException("WIZARD_CONSOLE must be auto, true or false, was '" + value + "'");
        };
    }
}
