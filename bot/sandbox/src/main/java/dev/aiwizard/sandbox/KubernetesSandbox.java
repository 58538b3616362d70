package dev.aiwizard.sandbox;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.job.Progress;
import dev.aiwizard.core.sandbox.Sandbox;
import dev.aiwizard.core.sandbox.SandboxLimits;
import dev.aiwizard.core.sandbox.SandboxRequest;
import dev.aiwizard.core.sandbox.SandboxResult;
import dev.aiwizard.core.sandbox.SandboxSettings;
import dev.aiwizard.sandbox.JobSpecs.Kind;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * {@link Sandbox} on Kubernetes, for clusters where a pod cannot create the namespaces bubblewrap needs: each step of
 * the stack's plan runs as a Job of its own (dependencies with the registries reachable, then tests with a
 * NetworkPolicy denying all traffic and the cache read-only), with the run's memory as the container's limit, the
 * timeout as {@code activeDeadlineSeconds}, a TTL, no service account token, as a non-root user with no privilege
 * escalation on a read-only root file system. The verdict comes from the same rules as bubblewrap's.
 */
public final class KubernetesSandbox implements Sandbox {
    /** Scheduling and pulling the image are not the build's time; the bot waits this much longer than the deadline. */
    static final Duration START_ALLOWANCE = Duration.ofMinutes(2);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KubernetesClient client;
    private final KubernetesSandboxSettings settings;
    private final StackPlans plans;
    private final JobSpecs specs;
    private final Slots slots;
    private final Path scratch;
    private final String ns;
    private volatile boolean policiesApplied;

    /** A sandbox for the built-in stacks on {@code client}'s cluster. */
    public KubernetesSandbox(KubernetesClient client, SandboxSettings sandbox, KubernetesSandboxSettings settings) {
        this(client, sandbox, settings, StackPlans.builtIn());
    }

    KubernetesSandbox(KubernetesClient client, SandboxSettings sandbox, KubernetesSandboxSettings settings,
                      StackPlans plans) {
        this.client = requireNonNull(client, "client");
        this.settings = requireNonNull(settings, "settings");
        this.plans = requireNonNull(plans, "plans");
        this.specs = new JobSpecs(settings);
        this.slots = new Slots(requireNonNull(sandbox, "sandbox").slots());
        this.scratch = sandbox.workDir();
        String own = client.getNamespace();
        this.ns = !settings.namespace().isEmpty() ? settings.namespace() : own == null || own.isEmpty() ? "default" : own;
    }

    @Override
    public SandboxResult run(SandboxRequest request, Progress progress) {
        requireNonNull(request, "request");
        requireNonNull(progress, "progress");
        return plans.withPlan(request, plan -> {
            Map<String, byte[]> files;
            try {
                files = files(request.project());
            } catch (IOException e) {
                throw new SandboxException("could not read the project at " + request.project(), e);
            }
            long size = files.values().stream().mapToLong(b -> b.length).sum();
            if (size > JobSpecs.MAX_PROJECT_BYTES) {
                return SandboxResult.notRun("the project (" + (size >> 10) + " KiB) is larger than the Kubernetes"
                        + " sandbox carries (" + (JobSpecs.MAX_PROJECT_BYTES >> 10) + " KiB in a ConfigMap)",
                        plan.tests().shown());
            }
            return slots.inLine(progress, plan.tests().shown(),
                    () -> runPlan(plan, files, request.limits(), progress));
        });
    }

    private SandboxResult runPlan(StackPlan plan, Map<String, byte[]> files, SandboxLimits limits, Progress progress)
            throws InterruptedException {
        long start = System.nanoTime();
        String run = HexFormat.of().formatHex(RANDOM.generateSeed(5));
        String nonce = HexFormat.of().formatHex(RANDOM.generateSeed(12));
        try {
            applyPolicies();
            client.configMaps().inNamespace(ns).resource(specs.project(run, files)).create();
            progress.report("fetching dependencies: " + plan.dependencies().shown());
            Finished deps = runJob(specs.job(run, Kind.DEPENDENCIES, plan, limits, nonce), limits);
            if (!deps.succeeded()) {
                return Verdict.of(deps.ended(PodLog.parse(deps.log(), nonce), limits.outputBytes()), limits, plan.dependencies().shown(),
                        Optional.empty(), start, "the dependency step failed");
            }
            progress.report("running tests: " + plan.tests().shown());
            Finished tests = runJob(specs.job(run, Kind.TESTS, plan, limits, nonce), limits);
            PodLog log = PodLog.parse(tests.log(), nonce);
            return Verdict.of(tests.ended(log, limits.outputBytes()), limits, plan.tests().shown(), reports(plan, log), start, "");
        } catch (KubernetesClientException e) {
            return SandboxResult.notRun("no sandbox available: the Kubernetes API refused the run ("
                    + e.getCode() + " " + firstLine(e.getMessage()) + "); see docs/operations.md for the RBAC"
                    + " the bot needs", plan.tests().shown());
        } finally {
            cleanUp(run);
        }
    }

    /** A Job that ended (or was given up on), with its pod's log and exit code as far as they are known. */
    private record Finished(boolean succeeded, boolean timedOut, int exitCode, String log, Duration took) {
        Supervisor.Ended ended(PodLog log, long outputLimit) {
            OutputBuffer output = new OutputBuffer(Supervisor.HEAD_BYTES, Supervisor.TAIL_BYTES);
            byte[] bytes = log.output().getBytes(StandardCharsets.UTF_8);
            output.write(bytes, 0, bytes.length);
            int code = log.exitCode().orElse(exitCode);
            // The pod cannot be stopped at the limit as a local process is; a log over it is judged afterwards.
            return new Supervisor.Ended(timedOut ? -1 : code, timedOut, bytes.length > outputLimit, 0, output, took);
        }
    }

    private Finished runJob(Job job, SandboxLimits limits) throws InterruptedException {
        String name = job.getMetadata().getName();
        long started = System.nanoTime();
        client.batch().v1().jobs().inNamespace(ns).resource(job).create();
        long deadline = started + limits.timeout().plus(START_ALLOWANCE).toNanos();
        while (true) {
            Job now = client.batch().v1().jobs().inNamespace(ns).withName(name).get();
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            if (now == null) {
                throw new SandboxException("the sandbox Job " + name + " disappeared before it finished", null);
            }
            Optional<JobCondition> ended = now.getStatus() == null || now.getStatus().getConditions() == null
                    ? Optional.empty() : now.getStatus().getConditions().stream()
                    .filter(c -> "True".equals(c.getStatus()))
                    .filter(c -> "Complete".equals(c.getType()) || "Failed".equals(c.getType())).findFirst();
            if (ended.isPresent()) {
                boolean complete = "Complete".equals(ended.get().getType());
                boolean deadlineExceeded = "DeadlineExceeded".equals(ended.get().getReason());
                Optional<Pod> pod = pod(name);
                int code = pod.flatMap(KubernetesSandbox::exitCode).orElse(complete ? 0 : -1);
                return new Finished(complete && code == 0, deadlineExceeded, code, pod.map(this::log).orElse(""),
                        took);
            }
            if (System.nanoTime() > deadline) {
                Optional<Pod> pod = pod(name);
                return new Finished(false, true, -1, pod.map(this::log).orElse(""), took);
            }
            Thread.sleep(settings.pollInterval().toMillis());
        }
    }

    private Optional<Pod> pod(String job) {
        return client.pods().inNamespace(ns).withLabel("job-name", job).list().getItems().stream()
                .findFirst();
    }

    private String log(Pod pod) {
        try {
            String log = client.pods().inNamespace(ns).withName(pod.getMetadata().getName()).getLog();
            return log == null ? "" : log;
        } catch (KubernetesClientException e) {
            return "(the pod's log could not be read: " + firstLine(e.getMessage()) + ")\n";
        }
    }

    private static Optional<Integer> exitCode(Pod pod) {
        if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
            return Optional.empty();
        }
        return pod.getStatus().getContainerStatuses().stream().map(ContainerStatus::getState)
                .filter(s -> s != null && s.getTerminated() != null).map(s -> s.getTerminated())
                .map(ContainerStateTerminated::getExitCode).filter(c -> c != null).findFirst();
    }

    /** The reports the pod printed, laid out as the runner wrote them and read by the bubblewrap sandbox's rules. */
    private Optional<TestReports.Found> reports(StackPlan plan, PodLog log) {
        if (log.reports().isEmpty()) {
            return Optional.empty();
        }
        Path dir = null;
        try {
            Files.createDirectories(scratch);
            dir = Files.createTempDirectory(scratch, "k8s-reports-");
            Path into = plan.reports() == StackPlan.ReportFormat.SUREFIRE
                    ? Files.createDirectories(dir.resolve("project/target/surefire-reports"))
                    : Files.createDirectories(dir.resolve("reports"));
            for (var report : log.reports().entrySet()) {
                Files.write(into.resolve(report.getKey()), report.getValue());
            }
            return TestReports.read(plan.reports(), dir);
        } catch (IOException e) {
            throw new SandboxException("could not keep the sandbox's test reports under " + scratch, e);
        } finally {
            WorkDirs.delete(dir);
        }
    }

    /** The Jobs (their pods with them) and the ConfigMap go at once; the TTL is for a bot that died mid-run. */
    private void cleanUp(String run) {
        try {
            for (Kind kind : Kind.values()) {
                client.batch().v1().jobs().inNamespace(ns).withName(JobSpecs.jobName(run, kind))
                        .withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
            }
            client.configMaps().inNamespace(ns).withName(JobSpecs.configMapName(run)).delete();
        } catch (KubernetesClientException e) {
            System.getLogger(KubernetesSandbox.class.getName()).log(System.Logger.Level.WARNING,
                    "could not delete the sandbox run " + run + " (its Jobs expire by their TTL): " + e.getMessage());
        }
    }

    private void applyPolicies() {
        if (!policiesApplied) {
            for (var policy : List.of(JobSpecs.testsPolicy(), JobSpecs.dependenciesPolicy())) {
                client.network().v1().networkPolicies().inNamespace(ns).resource(policy)
                        .createOr(NonDeletingOperation::update);
            }
            policiesApplied = true;
        }
    }

    /** Every regular file of the project by its relative path, sorted; paths with control characters are refused. */
    private static Map<String, byte[]> files(Path project) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(project)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String relative = project.relativize(file).toString().replace('\\', '/');
                if (relative.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
                    throw new IOException("a file name with a control character: " + relative.strip());
                }
                files.put(relative, Files.readAllBytes(file));
            }
        }
        return files;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
