package dev.aiwizard.app.bench;

import dev.aiwizard.app.Wizard;
import dev.aiwizard.app.config.SettingsLoader;
import dev.aiwizard.core.chat.UserRef;
import dev.aiwizard.core.job.Job;
import dev.aiwizard.core.job.JobState;
import dev.aiwizard.git.testing.FakeGitHub;
import dev.aiwizard.git.testing.GitHubRepoFixture;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole job from approval to pull request, with and without validation: the bot in this process with the offline
 * engines, a console conversation that ends in {@code generate}, delivery to the local git server and fake GitHub, and
 * the job's own timestamps (queued at approval, finished once the pull request is open). One round with validation
 * first fills the sandbox's dependency cache (reported as the cold run); then rounds alternate between
 * {@code WIZARD_VALIDATE=never} and {@code always}, and medians are compared. Usage: {@code JobTimeBenchmark [rounds]}
 * (default 3).
 */
public final class JobTimeBenchmark {
    private static final String TOKEN = "ghp_bench000000000000000000000000000000";
    private static final Map<String, String> IDEAS = Map.of(
            "java-rest", "a todo service in java where people manage tasks with a title and a done flag",
            "node-express", "a todo service in node where people manage tasks with a title and a done flag");

    private JobTimeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path tmp = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "job-bench");
        // The sandbox runs as an unprivileged user when the bot is root: its work dir must be reachable.
        tmp.toFile().setReadable(true, false);
        tmp.toFile().setExecutable(true, false);
        Path sandbox = tmp.resolve("sandbox");
        for (String stack : List.of("java-rest", "node-express")) {
            Result cold = job(tmp, sandbox, stack, "always");
            System.out.printf("%s: cold first job with validation (dependencies fetched): %.1f s; %s%n", stack,
                    cold.seconds, cold.summary);
            List<Double> never = new ArrayList<>();
            List<Double> always = new ArrayList<>();
            String summary = "";
            for (int r = 0; r < rounds; r++) {
                never.add(job(tmp, sandbox, stack, "never").seconds);
                Result v = job(tmp, sandbox, stack, "always");
                always.add(v.seconds);
                summary = v.summary;
            }
            double n = median(never);
            double a = median(always);
            System.out.printf("%s: approval to pull request, median of %d: %.1f s without validation, %.1f s with "
                    + "(+%.1f s); rounds without %s, with %s; %s%n", stack, rounds, n, a, a - n, never, always, summary);
        }
    }

    private record Result(double seconds, String summary) {
    }

    private static Result job(Path tmp, Path sandbox, String stack, String validate) throws Exception {
        Path dir = Files.createTempDirectory(tmp, "round");
        try (GitHubRepoFixture repo = GitHubRepoFixture.start(dir.resolve("remote"), "acme", "todo", TOKEN)) {
            FakeGitHub gitHub = repo.gitHub();
            Map<String, String> env = new HashMap<>(Map.of("WIZARD_PORT", "0", "WIZARD_HOST", "127.0.0.1",
                    "WIZARD_DATA_DIR", dir.resolve("data").toString(), "WIZARD_VALIDATE", validate,
                    "WIZARD_SANDBOX_DIR", sandbox.toString(), "WIZARD_TARGET", "acme/todo", "GITHUB_TOKEN", TOKEN,
                    "GITHUB_API_URL", gitHub.apiUrl()));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
            var settings = SettingsLoader.load(env);
            try (Wizard wizard = Wizard.start(settings, out)) {
                wizard.console(new UserRef("bench", "bench"), out, settings.chat().consoleWait())
                        .run(new BufferedReader(new StringReader("new " + IDEAS.get(stack) + "\nskip\ngenerate\n")));
                Job job = wizard.storage().jobs().forConversation(wizard.storage().conversations().list(1, 0).getFirst()
                        .id()).getFirst();
                if (job.state() != JobState.SUCCEEDED || gitHub.pulls("acme", "todo").isEmpty()) {
                    throw new IllegalStateException("the job did not open a pull request: " + job.state() + " "
                            + job.error() + "\n" + bytes.toString(StandardCharsets.UTF_8));
                }
                String body = gitHub.pulls("acme", "todo").getFirst().body();
                int at = body.indexOf("## Validation\n\n");
                String summary = at < 0 ? "" : body.substring(at + 15, body.indexOf('\n', at + 15));
                return new Result(Duration.between(job.createdAt(), job.updatedAt()).toMillis() / 1000.0, summary);
            }
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
