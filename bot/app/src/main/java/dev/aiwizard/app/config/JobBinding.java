package dev.aiwizard.app.config;

import dev.aiwizard.core.job.JobSettings;
import dev.aiwizard.core.job.ProjectLimits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The job runner and the limits of generated output, from {@code wizard.jobs}. */
final class JobBinding {
    /** The bot's own secrets, which must never end up in a generated file. */
    private static final List<String> SECRETS = List.of("WIZARD_DB_PASSWORD", "WIZARD_API_TOKEN", "OPENAI_API_KEY",
            "ANTHROPIC_API_KEY", "GITHUB_TOKEN", "GITHUB_WEBHOOK_SECRET", "SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET",
            "SLACK_APP_TOKEN", "DISCORD_BOT_TOKEN");

    private JobBinding() {
    }

    static JobSettings jobs(ConfigSection jobs, Map<String, String> env) {
        // How often a runner looks for work nobody announced is fixed behaviour, not a setting.
        return new JobSettings(jobs.integer("concurrency"), jobs.seconds("lease-seconds"), Duration.ofSeconds(2),
                jobs.integer("max-attempts"), limits(jobs, env));
    }

    private static ProjectLimits limits(ConfigSection jobs, Map<String, String> env) {
        Set<String> allowed = new LinkedHashSet<>();
        for (String p : jobs.list("allow-protected-paths")) {
            String path = p.toLowerCase(Locale.ROOT);
            if (!ProjectLimits.PROTECTED.contains(path)) {
                throw new ConfigException(jobs.name("allow-protected-paths") + " names '" + p
                        + "', which is not one of " + String.join(", ", ProjectLimits.PROTECTED));
            }
            allowed.add(path);
        }
        List<String> secrets = new ArrayList<>();
        for (String name : SECRETS) {
            String value = env.getOrDefault(name, "");
            if (!value.isBlank()) {
                secrets.add(value);
            }
        }
        int maxFileBytes = jobs.integer("max-file-bytes");
        return new ProjectLimits(jobs.integer("max-files"), maxFileBytes,
                Math.max((long) maxFileBytes, 20L * 1024 * 1024), allowed, secrets);
    }
}
