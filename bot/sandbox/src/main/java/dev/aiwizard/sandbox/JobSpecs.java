package dev.aiwizard.sandbox;

import dev.aiwizard.core.sandbox.SandboxLimits;
import dev.aiwizard.sandbox.StackPlan.ReportFormat;
import dev.aiwizard.sandbox.StackPlan.Step;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Kubernetes objects of one sandbox run, built from the stack's plan and never from a model's words: a ConfigMap
 * with the project's files, one Job per step, and the NetworkPolicy that cuts the test step off the network.
 *
 * <p>The project reaches the pod as a ConfigMap volume: one key per file ({@code f0}, {@code f1}, …, since keys cannot
 * hold slashes) and an {@code index} of key and path that the step's script copies back into a tree. The dependency
 * step builds the tree in the shared cache volume under {@code runs/<id>} and prepares it there (node_modules); the
 * test step copies that tree into a pod-local {@code emptyDir} and mounts the cache read-only, so code under test can
 * neither reach the network nor change what later runs read. Reports come back in the pod's log, each file base64
 * encoded in a block whose markers carry a per-run nonce.
 */
final class JobSpecs {
    static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    static final String STEP = "aiwizard.dev/step";
    static final String RUN = "aiwizard.dev/run";
    static final String TESTS_POLICY = "ai-wizard-sandbox-tests";
    static final String DEPENDENCIES_POLICY = "ai-wizard-sandbox-dependencies";
    /** Nobody: the sandbox's code owns nothing. */
    static final long UID = 65534;
    /** The largest project a ConfigMap carries (the API server refuses objects over 1 MiB; base64 adds a third). */
    static final long MAX_PROJECT_BYTES = 700 * 1024;
    /** How old a run's folder in the cache may get before a later dependency step removes it (a crashed bot's). */
    static final int STALE_RUN_MINUTES = 180;

    enum Kind {
        DEPENDENCIES("dependencies"), TESTS("tests");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    private final KubernetesSandboxSettings settings;

    JobSpecs(KubernetesSandboxSettings settings) {
        this.settings = settings;
    }

    static String jobName(String run, Kind kind) {
        return "wizard-sandbox-" + run + "-" + (kind == Kind.DEPENDENCIES ? "deps" : "tests");
    }

    static String configMapName(String run) {
        return "wizard-sandbox-" + run;
    }

    /** The project's files as binary data, and the index that puts them back where they were. */
    ConfigMap project(String run, Map<String, byte[]> files) {
        Map<String, String> data = new LinkedHashMap<>();
        StringBuilder index = new StringBuilder();
        int i = 0;
        for (var file : files.entrySet()) {
            String key = "f" + i++;
            data.put(key, Base64.getEncoder().encodeToString(file.getValue()));
            index.append(key).append('\t').append(file.getKey()).append('\n');
        }
        data.put("index", Base64.getEncoder().encodeToString(index.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return new ConfigMapBuilder().withNewMetadata().withName(configMapName(run)).withLabels(labels(run, null))
                .endMetadata().withImmutable(true).withBinaryData(data).build();
    }

    /** The Job of one step, its script built from the plan's words. */
    Job job(String run, Kind kind, StackPlan plan, SandboxLimits limits, String nonce) {
        Step step = kind == Kind.DEPENDENCIES ? plan.dependencies() : plan.tests();
        long heapMb = Math.max(32, (limits.memoryBytes() >> 20) / 2);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HOME", "/tmp/home");
        env.put("TMPDIR", "/tmp");
        env.put("LANG", "C.UTF-8");
        env.put("CI", "true");
        env.put("JAVA_TOOL_OPTIONS", "-Xmx" + heapMb + "m");
        step.env().forEach((k, v) -> env.put(k, v.replace(StackPlan.HEAP_MB, Long.toString(heapMb))));
        Quantity memory = new Quantity(Long.toString(limits.memoryBytes()));
        Quantity cpu = new Quantity(settings.cpu());
        List<VolumeMount> mounts = new ArrayList<>(List.of(
                mount("input", "/sandbox/input", true),
                mount("cache", StackPlan.CACHE, kind == Kind.TESTS),
                mount("tmp", "/tmp", false)));
        if (kind == Kind.TESTS) {
            mounts.add(mount("project", StackPlan.PROJECT, false));
            mounts.add(mount("reports", StackPlan.REPORTS, false));
        }
        var spec = new JobBuilder().withNewMetadata().withName(jobName(run, kind)).withLabels(labels(run, kind))
                .endMetadata()
                .withNewSpec()
                .withBackoffLimit(0)
                .withActiveDeadlineSeconds(Math.max(1, (limits.timeout().toMillis() + 999) / 1000))
                .withTtlSecondsAfterFinished((int) settings.ttlAfterFinished().toSeconds())
                .withNewTemplate().withNewMetadata().withLabels(labels(run, kind)).endMetadata()
                .withNewSpec()
                .withRestartPolicy("Never")
                .withAutomountServiceAccountToken(false)
                .withEnableServiceLinks(false)
                .withNewSecurityContext().withRunAsNonRoot(true).withRunAsUser(UID).withRunAsGroup(UID)
                .withFsGroup(UID).withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
                .endSecurityContext()
                .addNewContainer().withName("step").withImage(settings.image())
                .withCommand("sh", "-c", script(run, kind, step, plan.reports(), nonce))
                .withEnv(env.entrySet().stream().map(e -> new EnvVar(e.getKey(), e.getValue(), null)).toList())
                .withNewResources().withRequests(Map.of("cpu", cpu, "memory", memory))
                .withLimits(Map.of("cpu", cpu, "memory", memory)).endResources()
                .withNewSecurityContext().withAllowPrivilegeEscalation(false).withReadOnlyRootFilesystem(true)
                .withRunAsNonRoot(true).withPrivileged(false).withNewCapabilities().withDrop("ALL").endCapabilities()
                .endSecurityContext()
                .withVolumeMounts(mounts)
                .endContainer()
                .addNewVolume().withName("input").withNewConfigMap().withName(configMapName(run)).endConfigMap()
                .endVolume()
                .addNewVolume().withName("cache").withNewPersistentVolumeClaim().withClaimName(settings.cacheClaim())
                .withReadOnly(kind == Kind.TESTS).endPersistentVolumeClaim().endVolume()
                .addNewVolume().withName("tmp").withNewEmptyDir().withSizeLimit(new Quantity("2Gi")).endEmptyDir()
                .endVolume();
        if (kind == Kind.TESTS) {
            spec = spec.addNewVolume().withName("project").withNewEmptyDir().withSizeLimit(new Quantity("2Gi"))
                    .endEmptyDir().endVolume()
                    .addNewVolume().withName("reports").withNewEmptyDir().withSizeLimit(new Quantity("64Mi"))
                    .endEmptyDir().endVolume();
        }
        return spec.endSpec().endTemplate().endSpec().build();
    }

    /** No traffic in or out for test pods; the policy is the same for every run, so it is applied, not created. */
    static NetworkPolicy testsPolicy() {
        return new NetworkPolicyBuilder().withNewMetadata().withName(TESTS_POLICY)
                .withLabels(Map.of(MANAGED_BY, "ai-wizard")).endMetadata()
                .withNewSpec().withNewPodSelector()
                .withMatchLabels(Map.of(MANAGED_BY, "ai-wizard", STEP, Kind.TESTS.label)).endPodSelector()
                .withPolicyTypes("Ingress", "Egress").endSpec().build();
    }

    /** Dependency pods reach the registries but nobody reaches them. */
    static NetworkPolicy dependenciesPolicy() {
        return new NetworkPolicyBuilder().withNewMetadata().withName(DEPENDENCIES_POLICY)
                .withLabels(Map.of(MANAGED_BY, "ai-wizard")).endMetadata()
                .withNewSpec().withNewPodSelector()
                .withMatchLabels(Map.of(MANAGED_BY, "ai-wizard", STEP, Kind.DEPENDENCIES.label)).endPodSelector()
                .withPolicyTypes("Ingress").endSpec().build();
    }

    static Map<String, String> labels(String run, Kind kind) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(MANAGED_BY, "ai-wizard");
        labels.put("app.kubernetes.io/component", "sandbox");
        labels.put(RUN, run);
        if (kind != null) {
            labels.put(STEP, kind.label);
        }
        return labels;
    }

    /**
     * The step's shell script. Every word of the plan's command is single-quoted, so nothing in it is expanded; the
     * test step prints its reports between nonce markers and exits with the command's own code.
     */
    static String script(String run, Kind kind, Step step, ReportFormat reports, String nonce) {
        String runDir = StackPlan.CACHE + "/runs/" + run + "/project";
        String command = step.command().stream().map(JobSpecs::quote).collect(Collectors.joining(" "));
        List<String> lines = new ArrayList<>();
        if (kind == Kind.DEPENDENCIES) {
            lines.add("find " + StackPlan.CACHE + "/runs -mindepth 1 -maxdepth 1 -mmin +" + STALE_RUN_MINUTES
                    + " -exec rm -rf {} + 2>/dev/null");
            lines.add("mkdir -p " + runDir + " && cd " + runDir + " || exit 1");
            lines.add("tab=$(printf '\\t')");
            lines.add("while IFS=\"$tab\" read -r key path; do mkdir -p \"$(dirname \"$path\")\""
                    + " && cp \"/sandbox/input/$key\" \"$path\" || exit 1; done < /sandbox/input/index");
            lines.add("exec " + command);
        } else {
            lines.add("cp -R " + runDir + "/. " + StackPlan.PROJECT + "/ && cd " + StackPlan.PROJECT + " || exit 1");
            lines.add(command);
            lines.add("code=$?");
            lines.add("echo '@@wizard-reports-" + nonce + "@@'");
            String files = reports == ReportFormat.SUREFIRE ? "target/surefire-reports/TEST-*.xml"
                    : StackPlan.REPORTS + "/node-junit.xml";
            lines.add("for f in " + files + "; do [ -f \"$f\" ] && printf '%s %s\\n' \"$(basename \"$f\")\""
                    + " \"$(base64 -w0 \"$f\")\"; done");
            lines.add("echo \"@@wizard-end-" + nonce + "@@ $code\"");
            lines.add("exit $code");
        }
        return String.join("\n", lines) + "\n";
    }

    private static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    private static VolumeMount mount(String name, String path, boolean readOnly) {
        return new VolumeMountBuilder().withName(name).withMountPath(path).withReadOnly(readOnly).build();
    }
}
