package dev.aiwizard.app.config;

import io.helidon.config.ConfigSources;
import io.helidon.config.spi.ConfigSource;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one table of environment variables that override {@code application.yaml}: each names the key (under
 * {@code wizard.}) it replaces. The variables become the configuration source read first, so the settings are bound
 * from one {@link io.helidon.config.Config} tree; error messages name the variable through the same table. Secrets
 * and the platforms' own variables ({@code SLACK_*}, {@code DISCORD_*} without a key) are not here: they are read
 * from the environment only.
 */
final class EnvironmentVariables {
    /** Variable name to key below {@code wizard.}, in the order of docs/configuration.md. */
    static final Map<String, String> KEYS = table(
            "WIZARD_PORT", "port",
            "WIZARD_HOST", "host",
            "WIZARD_DATA_DIR", "data-dir",
            "WIZARD_DB_URL", "db.url",
            "WIZARD_DB_USER", "db.user",
            "WIZARD_DB_POOL_SIZE", "db.pool-size",
            "WIZARD_DB_CONNECT_TIMEOUT_SECONDS", "db.connect-timeout-seconds",
            "WIZARD_DB_SOCKET_TIMEOUT_SECONDS", "db.socket-timeout-seconds",
            "WIZARD_DB_STATEMENT_TIMEOUT_SECONDS", "db.statement-timeout-seconds",
            "WIZARD_MAX_TURNS_PER_THREAD", "chat.max-turns-per-thread",
            "WIZARD_MAX_TURNS", "chat.max-turns",
            "WIZARD_WEBHOOKS_MAX_IN_FLIGHT", "webhooks.max-in-flight",
            "WIZARD_HTTP_MAX_IN_FLIGHT", "http.max-in-flight",
            "WIZARD_SHUTDOWN_GRACE", "shutdown-grace",
            "WIZARD_REDIS_URL", "redis.url",
            "WIZARD_MAX_QUESTIONS", "conversation.max-questions",
            "WIZARD_MAX_IDEA_LENGTH", "conversation.max-idea-length",
            "WIZARD_GENERATIONS_PER_HOUR", "conversation.generations-per-hour",
            "WIZARD_CONVERSATIONS_PER_HOUR", "conversation.conversations-per-hour",
            "WIZARD_API_JOBS_PER_MINUTE", "api.jobs-per-minute",
            "WIZARD_API_MAX_IDEA_LENGTH", "api.max-idea-length",
            "WIZARD_API_CACHE_HOURS", "api.cache-hours",
            "WIZARD_API_EVENTS_TAIL_MS", "api.events-tail-ms",
            "WIZARD_API_EVENTS_KEEPALIVE_SECONDS", "api.events-keepalive-seconds",
            "WIZARD_JOB_CONCURRENCY", "jobs.concurrency",
            "WIZARD_INBOX_LEASE_SECONDS", "inbox.lease-seconds",
            "WIZARD_INBOX_MAX_ATTEMPTS", "inbox.max-attempts",
            "WIZARD_JOB_LEASE_SECONDS", "jobs.lease-seconds",
            "WIZARD_JOB_MAX_ATTEMPTS", "jobs.max-attempts",
            "WIZARD_MAX_FILES", "jobs.max-files",
            "WIZARD_MAX_FILE_BYTES", "jobs.max-file-bytes",
            "WIZARD_ALLOW_PROTECTED_PATHS", "jobs.allow-protected-paths",
            "WIZARD_VALIDATE", "validation.mode",
            "WIZARD_SANDBOX_TIMEOUT_SECONDS", "validation.timeout-seconds",
            "WIZARD_SANDBOX_MEMORY_MB", "validation.memory-mb",
            "WIZARD_SANDBOX_CPU_SECONDS", "validation.cpu-seconds",
            "WIZARD_SANDBOX_MAX_PROCESSES", "validation.max-processes",
            "WIZARD_SANDBOX_MAX_OUTPUT_KB", "validation.max-output-kb",
            "WIZARD_SANDBOX_SLOTS", "validation.slots",
            "WIZARD_SANDBOX_DIR", "validation.work-dir",
            "WIZARD_REPAIR_ROUNDS", "validation.repair-rounds",
            "WIZARD_SANDBOX", "validation.sandbox",
            "WIZARD_K8S_NAMESPACE", "validation.kubernetes.namespace",
            "WIZARD_K8S_SANDBOX_IMAGE", "validation.kubernetes.image",
            "WIZARD_K8S_CACHE_CLAIM", "validation.kubernetes.cache-claim",
            "WIZARD_K8S_SANDBOX_CPU", "validation.kubernetes.cpu",
            "WIZARD_K8S_JOB_TTL_SECONDS", "validation.kubernetes.job-ttl-seconds",
            "WIZARD_TARGET", "git.target",
            "WIZARD_ALLOWED_TARGETS", "git.allowed-targets",
            "WIZARD_GIT_AUTHOR_NAME", "git.author-name",
            "WIZARD_GIT_AUTHOR_EMAIL", "git.author-email",
            "GITHUB_API_URL", "github.api-url",
            "WIZARD_GITHUB_DRAFT", "github.draft",
            "WIZARD_GITHUB_LABELS", "github.labels",
            "WIZARD_GITHUB_REVIEWERS", "github.reviewers",
            "WIZARD_GITHUB_MAX_RATE_LIMIT_WAIT_SECONDS", "github.max-rate-limit-wait-seconds",
            "WIZARD_GITHUB_CONNECT_TIMEOUT_SECONDS", "github.connect-timeout-seconds",
            "WIZARD_GITHUB_REQUEST_TIMEOUT_SECONDS", "github.request-timeout-seconds",
            "WIZARD_GITHUB_MENTION", "github.mention",
            "WIZARD_SLACK_ADMINS", "slack.admins",
            "WIZARD_SLACK_POST_INTERVAL_MS", "slack.post-interval-ms",
            "WIZARD_DISCORD_ADMIN_ROLES", "discord.admin-roles",
            "WIZARD_DISCORD_MESSAGE_CONTENT", "discord.message-content",
            "WIZARD_PUBLIC_URL", "web.public-url",
            "WIZARD_WEB_ADMINS", "web.admins",
            "WIZARD_WEB_USERS", "web.users",
            "WIZARD_WEB_SESSION_HOURS", "web.session-hours",
            "WIZARD_WEB_IDENTITIES", "web.identities",
            "GITHUB_OAUTH_CLIENT_ID", "web.oauth.client-id",
            "GITHUB_OAUTH_URL", "web.oauth.url",
            "GITHUB_OAUTH_API_URL", "web.oauth.api-url",
            "WIZARD_CONSOLE", "console.enabled",
            "WIZARD_CONSOLE_WAIT_SECONDS", "console.wait-at-end-seconds",
            "WIZARD_LLM_PROVIDER", "llm.provider",
            "WIZARD_LLM_MODEL", "llm.model",
            "WIZARD_LLM_INTERVIEWER_MODEL", "llm.interviewer-model",
            "WIZARD_LLM_PLANNER_MODEL", "llm.planner-model",
            "WIZARD_LLM_CODER_MODEL", "llm.coder-model",
            "WIZARD_LLM_ALLOWED_MODELS", "llm.allowed-models",
            "OPENAI_BASE_URL", "llm.openai-base-url",
            "ANTHROPIC_BASE_URL", "llm.anthropic-base-url",
            "OLLAMA_BASE_URL", "llm.ollama-base-url",
            "WIZARD_LLM_TIMEOUT_SECONDS", "llm.timeout-seconds",
            "WIZARD_LLM_RETRIES", "llm.retries",
            "WIZARD_LLM_CONCURRENCY", "llm.concurrency",
            "WIZARD_LLM_REPAIR_ROUNDS", "llm.repair-rounds",
            "WIZARD_LLM_MAX_OUTPUT_TOKENS", "llm.max-output-tokens",
            "WIZARD_LLM_JOB_TOKEN_BUDGET", "llm.job-token-budget",
            "WIZARD_LLM_DAILY_TOKEN_BUDGET", "llm.daily-token-budget",
            "WIZARD_LLM_PRICES", "llm.prices");

    private static final Map<String, String> NAMES = new LinkedHashMap<>();

    static {
        KEYS.forEach((name, key) -> NAMES.put("wizard." + key, name));
    }

    private EnvironmentVariables() {
    }

    /** The variables of {@code env} that are in the table, as a source of {@code wizard.*} keys. */
    static ConfigSource source(Map<String, String> env) {
        Map<String, String> values = new LinkedHashMap<>();
        KEYS.forEach((name, key) -> {
            String value = env.get(name);
            if (value != null) {
                values.put("wizard." + key, value.strip());
            }
        });
        return ConfigSources.create(values).name("environment variables").build();
    }

    /** How an error names the setting at {@code key}: {@code WIZARD_PORT (wizard.port)}. */
    static String describe(String key) {
        String name = NAMES.get(key);
        return name == null ? key : name + " (" + key + ")";
    }

    /** The variable that sets {@code key} ({@code wizard.port}), or the key itself when none does. */
    static String nameOf(String key) {
        return NAMES.getOrDefault(key, key);
    }

    private static Map<String, String> table(String... pairs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (out.put(pairs[i], pairs[i + 1]) != null) {
                throw new IllegalStateException("named twice: " + pairs[i]);
            }
        }
        return Collections.unmodifiableMap(out);
    }
}
