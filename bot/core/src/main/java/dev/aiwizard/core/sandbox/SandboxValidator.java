package dev.aiwizard.core.sandbox;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.job.GeneratedFile;
import dev.aiwizard.core.job.GeneratedProject;
import dev.aiwizard.core.job.ProjectValidator;
import dev.aiwizard.core.job.Progress;
import dev.aiwizard.core.job.Verification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The job pipeline's {@link ProjectValidator} on a {@link Sandbox}: the generated files are written to a folder of
 * their own under the sandbox's work dir, run with the settings' limits, and the result is told as a
 * {@link Verification} (timed out and stopped runs are failures that say so). The folder is removed afterwards.
 */
public final class SandboxValidator implements ProjectValidator {
    private final Sandbox sandbox;
    private final SandboxSettings settings;

    public SandboxValidator(Sandbox sandbox, SandboxSettings settings) {
        this.sandbox = requireNonNull(sandbox, "sandbox");
        this.settings = requireNonNull(settings, "settings");
    }

    @Override
    public Verification validate(GeneratedProject project, String stack, Progress progress) {
        requireNonNull(project, "project");
        requireNonNull(stack, "stack");
        requireNonNull(progress, "progress");
        Path dir = settings.workDir().toAbsolutePath().normalize().resolve("projects").resolve(UUID.randomUUID().toString());
        try {
            write(project, dir);
            return verification(sandbox.run(new SandboxRequest(dir, stack, settings.limits()), progress));
        } catch (IOException e) {
            return Verification.notRun(project.testCommand(), "the project could not be written for the sandbox ("
                    + e.getClass().getSimpleName() + ")");
        } finally {
            delete(dir);
        }
    }

    /** {@code result} in the pipeline's terms: counts as reported, timeouts and limits as failures with a reason. */
    static Verification verification(SandboxResult result) {
        if (result.outcome() == SandboxResult.Outcome.NOT_RUN) {
            return Verification.notRun(result.command(), result.reason());
        }
        TestCounts counts = result.tests().orElse(TestCounts.NONE);
        String reason = switch (result.outcome()) {
            case TIMED_OUT -> "timed out" + (result.reason().isEmpty() ? "" : ": " + result.reason());
            case KILLED -> "stopped at a limit" + (result.reason().isEmpty() ? "" : ": " + result.reason());
            default -> result.tests().isEmpty() && !result.passed() ? "no test report; " + result.reason()
                    : result.reason();
        };
        return new Verification(result.passed() ? Verification.Outcome.PASSED : Verification.Outcome.FAILED,
                result.command(), counts.run(), counts.passed(), counts.failed(), counts.skipped(), result.duration(),
                result.failingTests(), result.output(), reason, 0);
    }

    private static void write(GeneratedProject project, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (GeneratedFile f : project.files()) {
            Path target = dir.resolve(f.path()).normalize();
            // The job checked the paths already; a path that would leave the folder is never written anyway.
            if (!target.startsWith(dir) || target.equals(dir)) {
                throw new IOException("a path outside the project: " + f.path());
            }
            Files.createDirectories(target.getParent());
            Files.writeString(target, f.content());
        }
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // A leftover copy of generated files costs disk only.
        }
    }
}
