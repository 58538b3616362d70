package dev.aiwizard.app.config;

import dev.aiwizard.core.text.Secrets;
import dev.aiwizard.web.JobParts.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The settings this replica runs with, as the admins' settings page lists them: each under the environment variable
 * that sets it, read from the bound settings (so what is shown is what runs, whatever the source). A secret is never
 * shown, only whether it is set; addresses lose any user name and password, and every value is passed through the
 * secret scanner as well, so a token pasted into the wrong setting is masked too.
 */
public final class EffectiveSettings {
    private static final String SET = "set (hidden)";
    private static final String NOT_SET = "not set";

    private EffectiveSettings() {
    }

    /** The rows of {@code s}, in the order of docs/configuration.md. */
    public static List<Setting> of(AppSettings s) {
        List<Setting> rows = new ArrayList<>();
        add(rows, "WIZARD_HOST", s.server().host());
        add(rows, "WIZARD_PORT", s.server().port());
        add(rows, "WIZARD_DATA_DIR", s.persistence().dataDir());
        add(rows, "WIZARD_DB_URL", s.persistence().dbUrl().isEmpty() ? "embedded H2" : address(s.persistence().dbUrl()));
        add(rows, "WIZARD_DB_USER", s.persistence().dbUser());
        secret(rows, "WIZARD_DB_PASSWORD", s.persistence().dbPassword());
        add(rows, "WIZARD_DB_POOL_SIZE", s.persistence().dbPoolSize());
        add(rows, "WIZARD_REDIS_URL", s.persistence().redisUrl().isEmpty() ? "in-process coordination" : address(s.persistence().redisUrl()));
        secret(rows, "WIZARD_API_TOKEN", s.server().apiToken());
        add(rows, "WIZARD_MAX_QUESTIONS", s.engine().conversation().maxQuestions());
        add(rows, "WIZARD_MAX_IDEA_LENGTH", s.engine().conversation().maxIdeaLength());
        add(rows, "WIZARD_GENERATIONS_PER_HOUR", s.engine().conversation().generationsPerHour());
        add(rows, "WIZARD_CONVERSATIONS_PER_HOUR", s.engine().conversation().conversationsPerHour());
        add(rows, "WIZARD_API_JOBS_PER_MINUTE", s.server().api().jobsPerMinute());
        add(rows, "WIZARD_API_CACHE_HOURS", s.server().api().cacheFor().toHours());
        add(rows, "WIZARD_JOB_CONCURRENCY", s.engine().jobs().concurrency());
        add(rows, "WIZARD_JOB_MAX_ATTEMPTS", s.engine().jobs().maxAttempts());
        add(rows, "WIZARD_VALIDATE", s.validation().sandbox().mode().name().toLowerCase(java.util.Locale.ROOT));
        add(rows, "WIZARD_REPAIR_ROUNDS", s.validation().sandbox().repairRounds());
        add(rows, "WIZARD_TARGET", s.delivery().target());
        add(rows, "WIZARD_ALLOWED_TARGETS", String.join(", ", s.delivery().allowedTargets()));
        add(rows, "WIZARD_GIT_AUTHOR_NAME", s.delivery().authorName());
        add(rows, "WIZARD_GIT_AUTHOR_EMAIL", s.delivery().authorEmail());
        add(rows, "GITHUB_API_URL", s.delivery().github().apiUrl());
        secret(rows, "GITHUB_TOKEN", s.delivery().github().token());
        secret(rows, "GITHUB_APP_PRIVATE_KEY", s.delivery().github().appPrivateKey());
        secret(rows, "GITHUB_WEBHOOK_SECRET", s.delivery().webhookSecret());
        secret(rows, "SLACK_BOT_TOKEN", s.chat().slack() == null ? null : s.chat().slack().botToken());
        secret(rows, "DISCORD_BOT_TOKEN", s.chat().discord() == null ? null : s.chat().discord().botToken());
        add(rows, "WIZARD_PUBLIC_URL", s.server().web().publicUrl());
        add(rows, "WIZARD_WEB_ADMINS", s.server().web().admins().stream().sorted().collect(Collectors.joining(", ")));
        add(rows, "WIZARD_WEB_USERS", s.server().web().users().stream().sorted().collect(Collectors.joining(", ")));
        add(rows, "GITHUB_OAUTH_CLIENT_ID", s.server().web().clientId());
        secret(rows, "GITHUB_OAUTH_CLIENT_SECRET", s.server().web().clientSecret());
        add(rows, "WIZARD_LLM_PROVIDER", s.engine().llm().provider().id());
        add(rows, "WIZARD_LLM_MODEL", s.engine().llm().model());
        secret(rows, "OPENAI_API_KEY / ANTHROPIC_API_KEY", s.engine().llm().apiKey());
        add(rows, "WIZARD_LLM_JOB_TOKEN_BUDGET", s.engine().llm().jobTokenBudget());
        add(rows, "WIZARD_LLM_DAILY_TOKEN_BUDGET", s.engine().llm().dailyTokenBudget());
        add(rows, "WIZARD_LLM_PRICES", s.engine().prices().byModel().entrySet().stream().sorted(java.util.Map.Entry
                .comparingByKey()).map(e -> e.getKey() + "=" + e.getValue().input() + ":" + e.getValue().output())
                .collect(Collectors.joining(", ")));
        return List.copyOf(rows);
    }

    private static void add(List<Setting> rows, String name, Object value) {
        String text = value == null ? "" : value.toString();
        rows.add(new Setting(name, text.isEmpty() ? NOT_SET : Secrets.redact(text).text()));
    }

    private static void secret(List<Setting> rows, String name, String value) {
        rows.add(new Setting(name, value == null || value.isBlank() ? NOT_SET : SET));
    }

    /** {@code scheme://user:password@host/…} without its user and password. */
    static String address(String url) {
        return url.replaceAll("(?<=://)[^/@]*@", "***@").replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
