package dev.aiwizard.git.bench;

import dev.aiwizard.core.conversation.ConversationId;
import dev.aiwizard.core.job.GeneratedFile;
import dev.aiwizard.core.job.PublishRequest;
import dev.aiwizard.core.job.PublishResult;
import dev.aiwizard.core.spec.Spec;
import dev.aiwizard.git.GitPublisher;
import dev.aiwizard.git.testing.FakeGitHub;
import dev.aiwizard.git.testing.GitHttpServer;
import dev.aiwizard.git.testing.GitTestSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * Publishing a generated project of {@code files} files (commit, push, pull request with labels) to the local git
 * server and fake GitHub, side by side in the same run with the {@code git} command line doing the same commit and
 * push (clone, write the files, add, commit, push a new branch). Each round uses fresh repositories that hold one
 * commit, so both build on a base. Prints each round and the medians.
 *
 * <p>Usage: {@code PublishBenchmark [files] [rounds] [warm-up rounds]}, run by {@code ./wizard bench publish}.
 */
public final class PublishBenchmark {
    private static final String TOKEN = "ghp_bench0000000000000000000000000000000";

    private PublishBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int files = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path tmp = Files.createTempDirectory("publish-bench");
        try (GitHttpServer git = GitHttpServer.start(tmp.resolve("remote")); FakeGitHub gitHub = FakeGitHub.start()) {
            git.acceptToken(TOKEN);
            gitHub.acceptToken(TOKEN);
            GitPublisher publisher = new GitPublisher(GitTestSettings.local(tmp.resolve("data"))
                    .withAllowedTargets(List.of("acme/*")), GitTestSettings.gitHub().withToken(TOKEN)
                    .withApiUrl(URI.create(gitHub.apiUrl())));
            List<GeneratedFile> project = project(files);
            long bytes = project.stream().mapToLong(f -> f.content().length()).sum();
            System.out.printf("%d files, %d KiB; %d warm-up rounds, %d measured%n", files, bytes / 1024, warmUp,
                    rounds);
            List<Long> bot = new ArrayList<>();
            List<Long> cli = new ArrayList<>();
            for (int round = -warmUp; round < rounds; round++) {
                String name = "bench" + (round + warmUp);
                seeded(git, gitHub, "acme", name + "-bot");
                seeded(git, gitHub, "acme", name + "-cli");
                long t0 = System.nanoTime();
                PublishResult r = publisher.publish(request(name + "-bot", project));
                long t1 = System.nanoTime();
                gitCli(git.url("acme", name + "-cli"), tmp.resolve("cli-" + name), project);
                long t2 = System.nanoTime();
                if (r.pullRequest() != 1) {
                    throw new IllegalStateException("no pull request was opened");
                }
                long botMs = TimeUnit.NANOSECONDS.toMillis(t1 - t0);
                long cliMs = TimeUnit.NANOSECONDS.toMillis(t2 - t1);
                if (round >= 0) {
                    bot.add(botMs);
                    cli.add(cliMs);
                }
                System.out.printf("%s: bot %d ms (commit, push, pull request), git CLI %d ms (commit, push)%n",
                        round < 0 ? "warm-up " + (round + warmUp + 1) : "round " + (round + 1), botMs, cliMs);
            }
            long b = median(bot);
            long c = median(cli);
            System.out.printf("median: bot %d ms, git CLI %d ms, ratio %.2fx%n", b, c, (double) b / c);
        } finally {
            delete(tmp);
        }
    }

    /** A repository with one commit on main, known to the fake GitHub. */
    private static void seeded(GitHttpServer git, FakeGitHub gitHub, String owner, String name) throws Exception {
        Path bare = git.createBare(owner, name);
        Path work = Files.createTempDirectory("seed");
        try (Git g = Git.init().setDirectory(work.toFile()).setInitialBranch("main").call()) {
            Files.writeString(work.resolve("README.md"), "# " + name + "\n");
            g.add().addFilepattern(".").call();
            PersonIdent who = new PersonIdent("Seed", "seed@example.org");
            g.commit().setMessage("Initial commit").setAuthor(who).setCommitter(who).setSign(false).call();
            g.push().setRemote(bare.toString()).setRefSpecs(new RefSpec("refs/heads/main:refs/heads/main")).call();
        } finally {
            delete(work);
        }
        gitHub.addRepo(owner, name, git.url(owner, name), "main");
    }

    private static PublishRequest request(String repo, List<GeneratedFile> files) {
        ConversationId id = ConversationId.random();
        Spec spec = Spec.empty().withName("bench-project").withPurpose("a benchmark").withTarget("acme/" + repo);
        return new PublishRequest(id, spec, null, files, "Generate bench-project\n\nA benchmark.", null,
                "Benchmark pull request", null);
    }

    /** What a person would type: shallow clone, write the files, add, commit, push a new branch. */
    private static void gitCli(String url, Path dir, List<GeneratedFile> files) throws Exception {
        String authed = url.replace("http://", "http://x-access-token:" + TOKEN + "@");
        run(dir.getParent(), "git", "clone", "-q", "--depth", "1", authed, dir.getFileName().toString());
        for (GeneratedFile f : files) {
            Path p = dir.resolve("bench-project").resolve(f.path());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.content());
        }
        run(dir, "git", "add", "-A");
        run(dir, "git", "-c", "user.name=AI Wizard", "-c", "user.email=wizard@localhost", "-c", "commit.gpgsign=false",
                "commit", "-q", "-m", "Generate bench-project");
        run(dir, "git", "push", "-q", "origin", "HEAD:refs/heads/wizard/bench-project");
    }

    private static void run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command).replace(TOKEN, "***") + " failed");
        }
    }

    /** A generated project's shape: sources, tests and docs in a few folders, 1-4 KB each. */
    static List<GeneratedFile> project(int n) {
        List<GeneratedFile> files = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String folder = switch (i % 4) {
                case 0 -> "src/main/java/com/example/app/";
                case 1 -> "src/test/java/com/example/app/";
                case 2 -> "docs/";
                default -> "src/main/resources/";
            };
            StringBuilder body = new StringBuilder("// file " + i + "\n");
            for (int line = 0; line < 30 + i % 70; line++) {
                body.append("    value").append(line).append(" = compute(").append(i * line).append(");\n");
            }
            files.add(new GeneratedFile(folder + "File" + i + ".java", body.toString()));
        }
        return files;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
