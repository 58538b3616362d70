package dev.aiwizard.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.core.sandbox.SandboxLimits;
import dev.aiwizard.core.sandbox.SandboxRequest;
import dev.aiwizard.core.sandbox.SandboxResult;
import dev.aiwizard.core.sandbox.SandboxResult.Outcome;
import dev.aiwizard.core.sandbox.SandboxSettings;
import dev.aiwizard.core.testing.ShippedSettings;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Kubernetes sandbox against fabric8's mock API server (real HTTP, CRUD mode), a small fake kubelet beside it. */
@EnableKubernetesMockClient(crud = true)
class KubernetesSandboxTest {
    static final String NS = "sandboxes";
    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path dir;

    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final Map<String, ConfigMap> configMaps = new ConcurrentHashMap<>();
    private Thread kubelet;

    @AfterEach
    void stopKubelet() {
        if (kubelet != null) {
            kubelet.interrupt();
        }
    }

    @Test
    void aPassingRunIsTwoLockedDownJobsWhoseReportSaysHowManyTestsPassedAndNothingIsLeftBehind() throws Exception {
        startKubelet(job -> job.getMetadata().getName().endsWith("-deps") ? Ran.ok("fetched\n")
                : Ran.ok("Tests run: 3\n" + reportBlock(job, "TEST-books.BooksTest.xml", surefire(3, 0), 0)));
        SandboxLimits limits = ShippedSettings.sandboxLimits().withTimeout(Duration.ofSeconds(90)).withMemoryBytes(1L << 30);

        SandboxResult result = sandbox().run(new SandboxRequest(javaProject(), "java-rest", limits), note -> { });

        assertEquals(Outcome.PASSED, result.outcome(), result.reason() + "\n" + result.output());
        assertEquals("tests: 3 passed", result.summary());
        assertTrue(result.output().contains("Tests run: 3"));
        assertFalse(result.output().contains("@@wizard"), "the report block is not shown as output");
        assertEquals(2, jobs.size());
        for (Job job : jobs.values()) {
            boolean tests = job.getMetadata().getName().endsWith("-tests");
            assertEquals(90L, job.getSpec().getActiveDeadlineSeconds());
            assertEquals(600, job.getSpec().getTtlSecondsAfterFinished());
            assertEquals(0, job.getSpec().getBackoffLimit());
            PodSpec pod = job.getSpec().getTemplate().getSpec();
            assertEquals(tests ? "tests" : "dependencies", pod.getAdditionalProperties().isEmpty()
                    ? job.getSpec().getTemplate().getMetadata().getLabels().get(JobSpecs.STEP) : "");
            assertEquals(Boolean.FALSE, pod.getAutomountServiceAccountToken());
            assertEquals("Never", pod.getRestartPolicy());
            assertEquals(Boolean.TRUE, pod.getSecurityContext().getRunAsNonRoot());
            assertEquals(65534L, pod.getSecurityContext().getRunAsUser());
            var container = pod.getContainers().getFirst();
            assertEquals("registry.example/ai-wizard:1.0", container.getImage());
            assertEquals(Boolean.FALSE, container.getSecurityContext().getAllowPrivilegeEscalation());
            assertEquals(Boolean.TRUE, container.getSecurityContext().getReadOnlyRootFilesystem());
            assertEquals(List.of("ALL"), container.getSecurityContext().getCapabilities().getDrop());
            assertEquals(Quantity.getAmountInBytes(new Quantity("1Gi")),
                    Quantity.getAmountInBytes(container.getResources().getLimits().get("memory")));
            assertEquals(new Quantity("500m"), container.getResources().getLimits().get("cpu"));
            VolumeMount cache = container.getVolumeMounts().stream().filter(m -> m.getName().equals("cache"))
                    .findFirst().orElseThrow();
            assertEquals(tests, cache.getReadOnly(), "the cache is read-only for the tests only");
            assertTrue(container.getEnv().stream().anyMatch(e -> e.getName().equals("JAVA_TOOL_OPTIONS")
                    && e.getValue().equals("-Xmx512m")));
        }
        ConfigMap project = configMaps.values().iterator().next();
        String index = new String(Base64.getDecoder().decode(project.getBinaryData().get("index")),
                StandardCharsets.UTF_8);
        assertTrue(index.contains("\tsrc/main/java/books/Books.java\n"), index);
        NetworkPolicy tests = client.network().v1().networkPolicies().inNamespace(NS)
                .withName(JobSpecs.TESTS_POLICY).get();
        assertEquals(List.of("Ingress", "Egress"), tests.getSpec().getPolicyTypes());
        assertTrue(tests.getSpec().getEgress() == null || tests.getSpec().getEgress().isEmpty(), "no egress allowed");
        assertEquals("tests", tests.getSpec().getPodSelector().getMatchLabels().get(JobSpecs.STEP));
        assertTrue(client.batch().v1().jobs().inNamespace(NS).list().getItems().isEmpty(), "Jobs deleted");
        assertTrue(client.configMaps().inNamespace(NS).list().getItems().isEmpty(), "ConfigMap deleted");
    }

    @Test
    void failingTestsAreNamedFromTheReport() throws Exception {
        startKubelet(job -> job.getMetadata().getName().endsWith("-deps") ? Ran.ok("")
                : new Ran(1, "FAIL\n" + reportBlock(job, "TEST-books.BooksTest.xml", surefire(4, 1), 1), null));

        SandboxResult result = sandbox().run(new SandboxRequest(javaProject(), "java-rest", ShippedSettings.sandboxLimits()),
                note -> { });

        assertEquals(Outcome.FAILED, result.outcome());
        assertEquals("tests: 3 passed, 1 failed", result.summary());
        assertEquals(List.of("books.BooksTest.refusesAnEmptyTitle"), result.failingTests());
    }

    @Test
    void aJobStoppedByItsDeadlineTimesOut() throws Exception {
        startKubelet(job -> job.getMetadata().getName().endsWith("-deps") ? Ran.ok("")
                : new Ran(137, "still testing...\n", "DeadlineExceeded"));

        SandboxResult result = sandbox().run(new SandboxRequest(javaProject(), "java-rest",
                ShippedSettings.sandboxLimits().withTimeout(Duration.ofSeconds(30))), note -> { });

        assertEquals(Outcome.TIMED_OUT, result.outcome());
        assertTrue(result.summary().startsWith("tests: timed out (after 30 s"), result.summary());
        assertTrue(client.batch().v1().jobs().inNamespace(NS).list().getItems().isEmpty(), "Jobs deleted");
    }

    @Test
    void aFailedDependencyStepEndsTheRunBeforeAnyTestJob() throws Exception {
        startKubelet(job -> new Ran(1, "could not resolve dependencies\n", null));

        SandboxResult result = sandbox().run(new SandboxRequest(javaProject(), "java-rest", ShippedSettings.sandboxLimits()),
                note -> { });

        assertEquals(Outcome.FAILED, result.outcome());
        assertTrue(result.reason().startsWith("the dependency step failed: exit code 1"), result.reason());
        assertEquals(1, jobs.size());
        assertTrue(result.output().contains("could not resolve dependencies"));
    }

    @Test
    void aProjectTooLargeForAConfigMapIsNotRunAndNothingIsCreated() throws Exception {
        Path project = javaProject();
        Files.write(project.resolve("big.bin"), new byte[(int) JobSpecs.MAX_PROJECT_BYTES + 1]);

        SandboxResult result = sandbox().run(new SandboxRequest(project, "java-rest", ShippedSettings.sandboxLimits()),
                note -> { });

        assertEquals(Outcome.NOT_RUN, result.outcome());
        assertTrue(result.reason().contains("larger than the Kubernetes sandbox carries"), result.reason());
        assertTrue(client.configMaps().inNamespace(NS).list().getItems().isEmpty());
        assertNull(client.network().v1().networkPolicies().inNamespace(NS).withName(JobSpecs.TESTS_POLICY).get());
    }

    @Test
    void anApiServerThatRefusesTheRunMeansNotRunWithTheReason() throws Exception {
        server.expect().post().withPath("/api/v1/namespaces/" + NS + "/configmaps")
                .andReturn(403, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":"
                        + "\"configmaps is forbidden\",\"reason\":\"Forbidden\",\"code\":403}").always();

        SandboxResult result = sandbox().run(new SandboxRequest(javaProject(), "java-rest", ShippedSettings.sandboxLimits()),
                note -> { });

        assertEquals(Outcome.NOT_RUN, result.outcome());
        assertTrue(result.reason().startsWith("no sandbox available: the Kubernetes API refused the run (403"),
                result.reason());
    }

    // ---- the fake kubelet and helpers

    /** What a step's pod did: its exit code, its log, and the reason a Job failed (null: ended by the exit code). */
    record Ran(int exitCode, String log, String failure) {
        static Ran ok(String log) {
            return new Ran(0, log, null);
        }
    }

    private KubernetesSandbox sandbox() {
        var settings = new SandboxSettings(SandboxSettings.Mode.ALWAYS, ShippedSettings.sandboxLimits(), 1, dir.resolve("w"), 2);
        return new KubernetesSandbox(client, settings, new KubernetesSandboxSettings(NS,
                "registry.example/ai-wizard:1.0", "wizard-sandbox-cache", "500m", Duration.ofMinutes(10),
                Duration.ofMillis(20)));
    }

    /** Plays the cluster: each new Job gets a pod with a terminated container, a log and a finished status. */
    private void startKubelet(Function<Job, Ran> behaviour) {
        kubelet = Thread.ofVirtual().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                List<Job> listed;
                try {
                    listed = client.batch().v1().jobs().inNamespace(NS).list().getItems();
                } catch (RuntimeException e) {
                    return; // the mock server stopped with the test
                }
                for (Job job : listed) {
                    String name = job.getMetadata().getName();
                    if (jobs.putIfAbsent(name, job) == null) {
                        client.configMaps().inNamespace(NS).list().getItems()
                                .forEach(c -> configMaps.put(c.getMetadata().getName(), c));
                        finish(job, behaviour.apply(job));
                    }
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    private void finish(Job job, Ran ran) {
        String name = job.getMetadata().getName();
        String pod = name + "-x1";
        client.pods().inNamespace(NS).resource(new PodBuilder().withNewMetadata().withName(pod)
                .withLabels(Map.of("job-name", name)).endMetadata()
                .withNewStatus().withContainerStatuses(new ContainerStatusBuilder().withName("step").withNewState()
                        .withNewTerminated().withExitCode(ran.exitCode()).endTerminated().endState().build())
                .endStatus().build()).create();
        server.expect().get().withPath("/api/v1/namespaces/" + NS + "/pods/" + pod + "/log?pretty=false")
                .andReturn(200, ran.log()).always();
        boolean complete = ran.failure() == null && ran.exitCode() == 0;
        job.setStatus(new JobStatusBuilder().withConditions(new JobConditionBuilder()
                .withType(complete ? "Complete" : "Failed").withStatus("True")
                .withReason(ran.failure() == null ? (complete ? null : "BackoffLimitExceeded") : ran.failure())
                .build()).build());
        client.batch().v1().jobs().inNamespace(NS).resource(job).updateStatus();
    }

    /** The block the test step's script prints, with the nonce of this Job's own script. */
    private static String reportBlock(Job job, String file, String xml, int exit) {
        String script = job.getSpec().getTemplate().getSpec().getContainers().getFirst().getCommand().get(2);
        String nonce = script.replaceAll("(?s).*@@wizard-reports-([0-9a-f]+)@@.*", "$1");
        return "@@wizard-reports-" + nonce + "@@\n" + file + " "
                + Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8)) + "\n"
                + "@@wizard-end-" + nonce + "@@ " + exit + "\n";
    }

    private static String surefire(int tests, int failures) {
        StringBuilder cases = new StringBuilder();
        for (int i = 0; i < tests - failures; i++) {
            cases.append("<testcase classname=\"books.BooksTest\" name=\"case").append(i).append("\"/>");
        }
        if (failures > 0) {
            cases.append("<testcase classname=\"books.BooksTest\" name=\"refusesAnEmptyTitle\"><failure/></testcase>");
        }
        return "<testsuite name=\"books.BooksTest\" tests=\"" + tests + "\" failures=\"" + failures
                + "\" errors=\"0\" skipped=\"0\">" + cases + "</testsuite>";
    }

    private Path javaProject() throws Exception {
        Path project = dir.resolve("project");
        Files.createDirectories(project.resolve("src/main/java/books"));
        Files.writeString(project.resolve("pom.xml"), "<project/>");
        Files.writeString(project.resolve("src/main/java/books/Books.java"), "package books; class Books {}");
        return project;
    }
}
