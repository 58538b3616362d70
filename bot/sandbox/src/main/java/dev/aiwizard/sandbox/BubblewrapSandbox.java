package dev.aiwizard.sandbox;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.job.Progress;
import dev.aiwizard.core.sandbox.OutputTail;
import dev.aiwizard.core.sandbox.Sandbox;
import dev.aiwizard.core.sandbox.SandboxLimits;
import dev.aiwizard.core.sandbox.SandboxRequest;
import dev.aiwizard.core.sandbox.SandboxResult;
import dev.aiwizard.core.sandbox.SandboxSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@link Sandbox} on bubblewrap ({@code bwrap}): per run, a scratch copy of the project; the stack's dependency step
 * with the network and the shared cache; then its test step offline with the cache read-only; counts from the
 * runner's report. At most {@code slots} runs at once, the rest wait in line. Without a working bwrap nothing runs and
 * the result says how to get one.
 */
public final class BubblewrapSandbox implements Sandbox {
    /** The uid a root bot runs the sandbox as: {@code nobody}, who owns nothing of the bot's. */
    static final int UNPRIVILEGED = 65534;
    static final String INSTALL = "install bubblewrap (e.g. apt-get install bubblewrap) and util-linux's setpriv, setsid and prlimit";

    private final WorkDirs dirs;
    private final Slots slots;
    private final StackPlans plans;
    private final BwrapCommand bwrap;
    private final String bwrapPath;

    /** A sandbox for the built-in stacks, with the bwrap on the system's {@code PATH}. */
    public BubblewrapSandbox(SandboxSettings settings) {
        this(settings, StackPlans.builtIn(), findBwrap());
    }

    /** A sandbox with other plans (tests run small fake stacks) and {@code bwrap} at {@code bwrapPath}. */
    public BubblewrapSandbox(SandboxSettings settings, StackPlans plans, String bwrapPath) {
        requireNonNull(settings, "settings");
        this.plans = requireNonNull(plans, "plans");
        this.bwrapPath = requireNonNull(bwrapPath, "bwrapPath");
        int dropTo = isRoot() ? UNPRIVILEGED : -1;
        this.dirs = new WorkDirs(settings.workDir(), dropTo);
        this.slots = new Slots(settings.slots());
        this.bwrap = new BwrapCommand(bwrapPath, Path.of(System.getProperty("java.home")), dropTo);
    }

    @Override
    public SandboxResult run(SandboxRequest request, Progress progress) {
        requireNonNull(request, "request");
        requireNonNull(progress, "progress");
        return plans.withPlan(request, plan -> {
            Optional<String> unavailable = unavailable();
            if (unavailable.isPresent()) {
                return SandboxResult.notRun("no sandbox available: " + unavailable.get(), plan.tests().shown());
            }
            return slots.inLine(progress, plan.tests().shown(), () -> runPlan(plan, request, progress));
        });
    }

    private SandboxResult runPlan(StackPlan plan, SandboxRequest request, Progress progress) {
        long start = System.nanoTime();
        Path run = null;
        try {
            Path cache = dirs.cache();
            run = dirs.newRun(request.project());
            SandboxLimits limits = request.limits();
            Path fetchedMark = plan.manifests().isEmpty() ? null
                    : dirs.fetched(plan.stack(), request.project(), plan.manifests());
            boolean cached = fetchedMark != null && Files.exists(fetchedMark);
            while (true) {
                if (cached) {
                    progress.report("dependencies: already fetched for this " + plan.manifests().getFirst());
                } else {
                    progress.report("fetching dependencies: " + plan.dependencies().shown());
                    Supervisor.Ended fetched = Supervisor.run(bwrap.build(plan.dependencies(), run, cache, true,
                            limits), limits.timeout(), limits.outputBytes());
                    if (fetched.exitCode() != 0) {
                        return Verdict.of(fetched, limits, plan.dependencies().shown(), Optional.empty(), start,
                                "the dependency step failed");
                    }
                    if (fetchedMark != null) {
                        Files.writeString(fetchedMark, plan.dependencies().shown());
                    }
                }
                progress.report("running tests: " + plan.tests().shown());
                Supervisor.Ended tested = Supervisor.run(bwrap.build(plan.tests(), run, cache, false, limits),
                        limits.timeout(), limits.outputBytes());
                if (cached && tested.exitCode() != 0 && tested.output().tail().contains("offline mode")) {
                    // The cache lost something since the mark was made: fetch again, once.
                    Files.deleteIfExists(fetchedMark);
                    cached = false;
                    continue;
                }
                return Verdict.of(tested, limits, plan.tests().shown(), TestReports.read(plan.reports(), run), start, "");
            }
        } catch (IOException e) {
            throw new SandboxException("could not prepare a sandbox run under " + dirs.root(), e);
        } finally {
            WorkDirs.delete(run);
        }
    }

    /** Runs under way on this node (the others wait in line). */
    int busy() {
        return slots.busy();
    }

    /** Why no sandbox can run here, or empty when a trivial one just ran. */
    Optional<String> unavailable() {
        if (bwrapPath.isEmpty() || !Files.isExecutable(Path.of(bwrapPath))) {
            return Optional.of("bwrap not found; " + INSTALL);
        }
        if (!Files.isExecutable(Path.of("/usr/bin/prlimit")) || !Files.isExecutable(Path.of(Supervisor.SETSID))
                || isRoot() && !Files.isExecutable(Path.of("/usr/bin/setpriv"))) {
            return Optional.of("prlimit, setsid or setpriv not found in /usr/bin; " + INSTALL);
        }
        try {
            dirs.cache();
        } catch (IOException | RuntimeException e) {
            return Optional.of("cannot create the sandbox work dir " + dirs.root() + " (" + e.getMessage() + ")");
        }
        Supervisor.Ended probe = Supervisor.run(bwrap.probe(dirs.root()), Duration.ofSeconds(20), 64 * 1024);
        if (probe.exitCode() == 0) {
            return Optional.empty();
        }
        String said = OutputTail.of(probe.output().head()).strip();
        return Optional.of("bwrap failed (" + (said.isEmpty() ? "exit code " + probe.exitCode()
                : said.lines().findFirst().orElse("")) + "); it needs unprivileged user namespaces"
                + (isRoot() ? ", and the user " + UNPRIVILEGED + " must be able to reach " + dirs.root()
                + " (WIZARD_SANDBOX_DIR)" : ""));
    }

    private static String findBwrap() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "bwrap");
            if (Files.isExecutable(candidate)) {
                return candidate.toAbsolutePath().toString();
            }
        }
        return "";
    }

    private static boolean isRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
