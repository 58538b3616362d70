package dev.aiwizard.app.deploy;

import static dev.aiwizard.app.deploy.DeployArtefactsTest.CHART;
import static dev.aiwizard.app.deploy.RenderedChart.name;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import dev.aiwizard.app.Wizard;
import dev.aiwizard.app.config.SettingsLoader;
import dev.aiwizard.git.testing.FakeGitHub;
import dev.aiwizard.slack.testing.FakeSlack;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.yaml.snakeyaml.Yaml;

/**
 * The Helm chart rendered by the real {@code helm template} for every install docs/operations.md and values.yaml
 * describe, and linted by {@code helm lint --strict}. Each rendered object is read against the Kubernetes API model
 * (a field it does not know fails), then checked for what the bot needs from it: probes on its health paths, time
 * to drain, settings it reads, Secrets by reference, replicas, disruption budget, autoscaler, routes, and the
 * Kubernetes sandbox's rights. No cluster is involved: what an API server or a controller would still refuse is
 * beyond this test (see docs/operations.md).
 */
class HelmChartTest {
    /** The installs an operator is shown, as {@code --set} values. */
    enum Install {
        DEFAULTS(),
        /** docs/operations.md's {@code helm install}: own image, database, Redis, Ingress with TLS. */
        DOCUMENTED("image.repository", "registry.example.com/ai-wizard", "image.tag", "0.1.0",
                "config.WIZARD_DB_URL", "jdbc:postgresql://db.example.com:5432/wizard",
                "config.WIZARD_REDIS_URL", "redis://redis.example.com:6379",
                "ingress.enabled", "true", "ingress.host", "wizard.example.com", "ingress.tlsSecret", "wizard-tls"),
        INGRESS_WITH_CLASS("ingress.enabled", "true", "ingress.className", "nginx"),
        DISCORD("discord.enabled", "true", "discord.replicas", "3", "discord.shardsPerPod", "2",
                "discord.existingSecret", "ai-wizard-discord"),
        BUBBLEWRAP_SANDBOX("sandbox.mode", "bubblewrap"),
        FIXED_REPLICAS("autoscaling.enabled", "false", "replicaCount", "3", "podDisruptionBudget.minAvailable", "2"),
        NO_DISRUPTION_BUDGET("podDisruptionBudget.enabled", "false"),
        /** Other names, a longer drain, and a plain setting whose name has TOKEN in it. */
        OWN_NAMES_AND_SETTINGS("existingSecret", "prod-wizard-secrets", "sandbox.cache.storageClassName", "nfs",
                "config.WIZARD_SHUTDOWN_GRACE", "1m", "config.WIZARD_LLM_JOB_TOKEN_BUDGET", "200000");

        final Map<String, String> set = new LinkedHashMap<>();

        Install(String... pairs) {
            for (int i = 0; i < pairs.length; i += 2) {
                set.put(pairs[i], pairs[i + 1]);
            }
        }

        /** A value as this install has it: set here, or the default in values.yaml. */
        String value(String path) {
            if (set.containsKey(path)) {
                return set.get(path);
            }
            Object at = DEFAULT_VALUES;
            for (String key : path.split("\\.")) {
                at = at instanceof Map<?, ?> map ? map.get(key) : null;
            }
            return at == null ? null : at.toString();
        }
    }

    private static final Map<?, ?> DEFAULT_VALUES = loadValues();
    private static final Map<Install, RenderedChart> RENDERED = new EnumMap<>(Install.class);
    private static final String MAIN_SOURCES = mainSources();
    private static final Map<String, String> PROBE_PATHS = Map.of("startup", "/health/started",
            "readiness", "/health/ready", "liveness", "/health/live");

    private static synchronized RenderedChart rendered(Install install) {
        return RENDERED.computeIfAbsent(install, i -> RenderedChart.render(CHART, i.set));
    }

    @Test
    void helmLintStrictFindsNothingToFix() {
        LintResult lint = new Helm(CHART).lint().strict().call();
        assertFalse(lint.isFailed(), lint.getMessages().toString());
        assertEquals(List.of(), lint.getMessages().stream().filter(m -> !m.startsWith("[INFO]")).toList());
    }

    @ParameterizedTest
    @EnumSource(Install.class)
    void everyRenderedObjectUsesOnlyFieldsTheKubernetesApiKnows(Install install) throws Exception {
        RenderedChart chart = rendered(install);
        assertTrue(chart.objects().size() >= 5, chart.yaml());
        for (HasMetadata object : chart.objects()) {
            assertEquals(List.of(), unknownFields(object, object.getKind()), object.getKind() + " " + name(object));
        }
    }

    @Test
    void aMisspelledFieldInATemplateFailsThatCheck(@TempDir Path copy) throws Exception {
        try (Stream<Path> files = Files.walk(CHART)) {
            for (Path file : files.toList()) {
                Path to = copy.resolve(CHART.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.writeString(to, Files.readString(file).replace("readinessProbe:", "readinesProbe:"));
                }
            }
        }
        Deployment misspelled = RenderedChart.render(copy, Map.of()).one(Deployment.class);
        assertEquals(List.of("Deployment.spec.template.spec.containers[0].readinesProbe"),
                unknownFields(misspelled, "Deployment"));
    }

    @ParameterizedTest
    @EnumSource(Install.class)
    void botPodsRunAsNonRootWithoutPrivilegeEscalationWithinRequestsAndLimits(Install install) {
        rendered(install).podTemplates().forEach((workload, pod) -> {
            var security = pod.getSpec().getSecurityContext();
            assertEquals(Boolean.TRUE, security.getRunAsNonRoot(), workload);
            assertTrue(security.getRunAsUser() > 0, workload);
            for (Container c : pod.getSpec().getContainers()) {
                assertEquals(Boolean.FALSE, c.getSecurityContext().getAllowPrivilegeEscalation(), workload);
                assertEquals(List.of("ALL"), c.getSecurityContext().getCapabilities().getDrop(), workload);
                for (var amounts : List.of(c.getResources().getRequests(), c.getResources().getLimits())) {
                    assertEquals(Set.of("cpu", "memory"), amounts.keySet(), workload + " " + c.getResources());
                }
            }
        });
    }

    @ParameterizedTest
    @EnumSource(Install.class)
    void probesAskTheBotsHealthChecksOnThePortItListensOn(Install install) {
        RenderedChart chart = rendered(install);
        int port = SettingsLoader.load(chart.config()).server().port();
        chart.podTemplates().forEach((workload, pod) -> {
            Container bot = pod.getSpec().getContainers().getFirst();
            assertEquals(port, bot.getPorts().stream().filter(p -> "http".equals(p.getName())).findFirst()
                    .orElseThrow().getContainerPort(), workload + ": the port named http is WIZARD_PORT");
            Map<String, Probe> probes = new HashMap<>();
            probes.put("startup", bot.getStartupProbe());
            probes.put("readiness", bot.getReadinessProbe());
            probes.put("liveness", bot.getLivenessProbe());
            probes.forEach((kind, probe) -> {
                assertNotNull(probe, workload + " has a " + kind + " probe");
                assertEquals(PROBE_PATHS.get(kind), probe.getHttpGet().getPath(), workload + " " + kind);
                assertEquals("http", probe.getHttpGet().getPort().getStrVal(), workload + " " + kind);
            });
        });
    }

    /** The paths the chart probes and routes are the bot's own: a bot started with Slack and webhooks answers them. */
    @Test
    void theBotServesThePathsTheChartProbesAndRoutes(@TempDir Path data) throws Exception {
        RenderedChart chart = rendered(Install.DOCUMENTED);
        Container bot = chart.one(Deployment.class).getSpec().getTemplate().getSpec().getContainers().getFirst();
        List<String> probed = Stream.of(bot.getStartupProbe(), bot.getReadinessProbe(), bot.getLivenessProbe())
                .map(p -> p.getHttpGet().getPath()).toList();
        List<String> routed = ingressPaths(chart.one(Ingress.class)).stream().map(HTTPIngressPath::getPath).toList();
        String token = "xoxb" + "-deploy-chart";
        try (FakeSlack slack = FakeSlack.start(token);
             FakeGitHub gitHub = FakeGitHub.start();
             Wizard wizard = Wizard.start(SettingsLoader.load(Map.ofEntries(Map.entry("WIZARD_PORT", "0"),
                     Map.entry("WIZARD_HOST", "127.0.0.1"), Map.entry("WIZARD_DATA_DIR", data.toString()),
                     Map.entry("WIZARD_VALIDATE", "never"), Map.entry("WIZARD_CONSOLE", "false"),
                     Map.entry("SLACK_BOT_TOKEN", token), Map.entry("SLACK_SIGNING_SECRET", "chart-signing"),
                     Map.entry("SLACK_API_URL", slack.url()), Map.entry("GITHUB_TOKEN", "chart-github"),
                     Map.entry("GITHUB_API_URL", gitHub.apiUrl()), Map.entry("GITHUB_WEBHOOK_SECRET", "chart-hook"))),
                     new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
            HttpClient http = HttpClient.newHttpClient();
            for (String path : probed) {
                var res = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + wizard.port() + path))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, res.statusCode(), path + " " + res.body());
            }
            for (String path : routed) {
                var res = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + wizard.port() + path))
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(401, res.statusCode(), path + " is served and refuses an unsigned request");
            }
        }
    }

    /** The bot gets SIGTERM, drains for WIZARD_SHUTDOWN_GRACE and then closes; Kubernetes must not kill it first. */
    @ParameterizedTest
    @EnumSource(Install.class)
    void thePodsOutwaitTheBotsDrainWithTimeToClose(Install install) {
        RenderedChart chart = rendered(install);
        chart.podTemplates().forEach((workload, pod) -> {
            Duration drain = SettingsLoader.load(environment(chart, pod)).resilience().shutdownGrace();
            long grace = pod.getSpec().getTerminationGracePeriodSeconds();
            assertTrue(grace >= drain.toSeconds() + 10, workload + ": terminationGracePeriodSeconds " + grace
                    + " leaves 10 s to close after a drain of " + drain.toSeconds() + " s");
        });
    }

    @Test
    void aTerminationGracePeriodShorterThanTheDrainIsRefused() {
        String refusal = refusal("terminationGracePeriodSeconds", "20");
        assertTrue(refusal.contains("WIZARD_SHUTDOWN_GRACE"), refusal);
    }

    @ParameterizedTest
    @EnumSource(Install.class)
    void theConfigMapHoldsSettingsTheBotReadsAndAccepts(Install install) throws Exception {
        RenderedChart chart = rendered(install);
        Set<String> documented = DeployArtefactsTest.documentedVariables();
        String entrypoint = Files.readString(DeployArtefactsTest.DEPLOY.resolve("docker-entrypoint.sh"));
        for (String key : chart.config().keySet()) {
            boolean readByTheBot = documented.contains(key) && MAIN_SOURCES.contains('"' + key + '"');
            assertTrue(readByTheBot || entrypoint.contains("${" + key), key + " is read by the bot (and documented"
                    + " in configuration.md) or by the image's entrypoint");
        }
        chart.podTemplates().forEach((workload, pod) -> SettingsLoader.load(environment(chart, pod)));
    }

    @ParameterizedTest
    @EnumSource(Install.class)
    void secretsAreReferencedByNameAndNeverRendered(Install install) throws Exception {
        RenderedChart chart = rendered(install);
        assertEquals(List.of(), chart.all(Secret.class));
        Set<String> secrets = DeployArtefactsTest.environmentOnlyVariables();
        for (String key : chart.config().keySet()) {
            assertFalse(secrets.contains(key), "a secret in the ConfigMap: " + key);
        }
        chart.podTemplates().forEach((workload, pod) -> {
            Container bot = pod.getSpec().getContainers().getFirst();
            assertTrue(secretRefs(bot).contains(install.value("existingSecret")), workload + " " + secretRefs(bot));
            assertTrue(bot.getEnvFrom().stream().anyMatch(e -> e.getConfigMapRef() != null
                    && e.getConfigMapRef().getName().equals(name(chart.one(ConfigMap.class)))), workload);
            for (EnvVar env : bot.getEnv()) {
                assertFalse(secrets.contains(env.getName()), workload + " " + env);
            }
        });
    }

    @Test
    void everySecretOfTheBotPutIntoConfigIsRefused() throws Exception {
        // Every environment-only variable but the GitHub App's id, which is no secret.
        List<String> secrets = DeployArtefactsTest.environmentOnlyVariables().stream()
                .filter(name -> !name.equals("GITHUB_APP_ID")).toList();
        assertTrue(secrets.size() >= 10, secrets.toString());
        for (String secret : secrets) {
            String refusal = refusal("config." + secret, "not-a-real-one");
            assertTrue(refusal.contains("config." + secret + " looks like a secret") && refusal.contains(
                    "existingSecret"), refusal);
        }
    }

    @Test
    void twoReplicasByDefaultThatTheAutoscalerScalesOnCpu() {
        RenderedChart chart = rendered(Install.DEFAULTS);
        Deployment deployment = chart.one(Deployment.class);
        HorizontalPodAutoscaler hpa = chart.one(HorizontalPodAutoscaler.class);
        assertNull(deployment.getSpec().getReplicas(), "the autoscaler owns the replica count; an upgrade that set"
                + " it would scale the Deployment back");
        assertEquals(2, hpa.getSpec().getMinReplicas());
        assertEquals(6, hpa.getSpec().getMaxReplicas());
        assertEquals("Deployment/" + name(deployment), hpa.getSpec().getScaleTargetRef().getKind() + "/"
                + hpa.getSpec().getScaleTargetRef().getName());
        MetricSpec metric = hpa.getSpec().getMetrics().getFirst();
        assertEquals(List.of("cpu Utilization 70"), List.of(metric.getResource().getName() + " "
                + metric.getResource().getTarget().getType() + " "
                + metric.getResource().getTarget().getAverageUtilization()));
    }

    @Test
    void withoutTheAutoscalerTheDeploymentKeepsItsOwnReplicaCount() {
        RenderedChart chart = rendered(Install.FIXED_REPLICAS);
        assertEquals(3, chart.one(Deployment.class).getSpec().getReplicas());
        assertTrue(chart.find(HorizontalPodAutoscaler.class).isEmpty());
    }

    @ParameterizedTest
    @EnumSource(Install.class)
    void theDisruptionBudgetCoversTheBotPodsAndLetsANodeDrain(Install install) {
        RenderedChart chart = rendered(install);
        var budget = chart.find(PodDisruptionBudget.class);
        assertEquals(!install.value("podDisruptionBudget.enabled").equals("false"), budget.isPresent());
        if (budget.isEmpty()) {
            return;
        }
        Deployment deployment = chart.one(Deployment.class);
        assertSelects(budget.get().getSpec().getSelector().getMatchLabels(), deployment.getSpec().getTemplate());
        int fewest = chart.find(HorizontalPodAutoscaler.class).map(h -> h.getSpec().getMinReplicas())
                .orElse(deployment.getSpec().getReplicas());
        int minAvailable = budget.get().getSpec().getMinAvailable().getIntVal();
        assertTrue(minAvailable >= 1 && minAvailable < fewest, "one pod may go at a time: " + minAvailable + " of "
                + fewest);
    }

    @ParameterizedTest
    @EnumSource(Install.class)
    void theServiceAndIngressLeadToTheBotsPort(Install install) {
        RenderedChart chart = rendered(install);
        Service service = chart.one(Service.class);
        assertSelects(service.getSpec().getSelector(), chart.one(Deployment.class).getSpec().getTemplate());
        ServicePort port = service.getSpec().getPorts().getFirst();
        assertEquals("http", port.getTargetPort().getStrVal());
        var ingress = chart.find(Ingress.class);
        assertEquals(install.value("ingress.enabled").equals("true"), ingress.isPresent());
        if (ingress.isEmpty()) {
            return;
        }
        String className = ingress.get().getSpec().getIngressClassName();
        assertTrue(className == null || className.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*"
                + "[a-z0-9])?)*"), "the API server takes no ingressClassName but a DNS name: '" + className + "'");
        List<String> routes = new ArrayList<>();
        for (HTTPIngressPath path : ingressPaths(ingress.get())) {
            routes.add(path.getPathType() + " " + path.getPath());
            assertEquals(name(service), path.getBackend().getService().getName());
            assertEquals(port.getName(), path.getBackend().getService().getPort().getName());
        }
        assertEquals(List.of("Exact /slack/events", "Exact /webhooks/github"), routes);
        String tls = install.value("ingress.tlsSecret");
        assertEquals(tls.isEmpty() ? List.of() : List.of(tls), ingress.get().getSpec().getTls().stream()
                .map(t -> t.getSecretName()).toList());
    }

    @Test
    void discordRunsInAStatefulSetThatAloneHoldsTheDiscordToken() {
        RenderedChart chart = rendered(Install.DISCORD);
        StatefulSet discord = chart.one(StatefulSet.class);
        assertEquals(3, discord.getSpec().getReplicas());
        Container bot = discord.getSpec().getTemplate().getSpec().getContainers().getFirst();
        Map<String, String> env = bot.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
        assertEquals(Map.of("WIZARD_DISCORD_SHARDS_PER_POD", "2", "DISCORD_SHARD_TOTAL", "6"), env);
        assertTrue(secretRefs(bot).contains("ai-wizard-discord"), secretRefs(bot).toString());
        Container deployed = chart.one(Deployment.class).getSpec().getTemplate().getSpec().getContainers().getFirst();
        assertFalse(secretRefs(deployed).contains("ai-wizard-discord"), "the Deployment's pods would run every"
                + " shard a second time: " + secretRefs(deployed));
        assertTrue(rendered(Install.DEFAULTS).find(StatefulSet.class).isEmpty());
    }

    @ParameterizedTest
    @EnumSource(Install.class)
    void theKubernetesSandboxGetsItsRightsAndCacheOnlyWhenChosen(Install install) {
        RenderedChart chart = rendered(install);
        String pods = chart.one(ServiceAccount.class).getMetadata().getName();
        chart.podTemplates().forEach((w, pod) -> assertEquals(pods, pod.getSpec().getServiceAccountName(), w));
        if (!"kubernetes".equals(chart.config().get("WIZARD_SANDBOX"))) {
            assertEquals("bubblewrap", chart.config().get("WIZARD_SANDBOX"));
            assertEquals(List.of(), Stream.of(Role.class, RoleBinding.class, PersistentVolumeClaim.class)
                    .flatMap(k -> chart.all(k).stream()).toList(), "no rights and no cache without Jobs to run");
            return;
        }
        Role role = chart.one(Role.class);
        RoleBinding binding = chart.one(RoleBinding.class);
        assertEquals(name(role), binding.getRoleRef().getName());
        assertEquals(List.of("ServiceAccount " + pods), binding.getSubjects().stream()
                .map(s -> s.getKind() + " " + s.getName()).toList());
        // What KubernetesSandbox calls: a ConfigMap with the project, a Job per step, its pods and their log, and
        // the deny-all NetworkPolicy it creates or updates.
        for (String need : List.of("batch jobs create", "batch jobs get", "batch jobs delete", " pods list",
                " pods/log get", " configmaps create", " configmaps delete", "networking.k8s.io networkpolicies create",
                "networking.k8s.io networkpolicies update")) {
            String[] p = need.split(" ");
            assertTrue(role.getRules().stream().anyMatch(r -> grants(r, p[0], p[1], p[2])), "the Role allows " + need);
        }
        PersistentVolumeClaim cache = chart.one(PersistentVolumeClaim.class);
        assertEquals(chart.config().get("WIZARD_K8S_CACHE_CLAIM"), name(cache));
        assertEquals(List.of("ReadWriteMany"), cache.getSpec().getAccessModes());
        assertEquals(install.value("sandbox.cache.storageClassName"),
                String.valueOf(cache.getSpec().getStorageClassName()).replace("null", ""));
        Container bot = chart.one(Deployment.class).getSpec().getTemplate().getSpec().getContainers().getFirst();
        assertEquals(bot.getImage(), chart.config().get("WIZARD_K8S_SANDBOX_IMAGE"), "Jobs run the bot's image");
    }

    /** Paths of fields the model classes did not know (fabric8 keeps them as additional properties). */
    static List<String> unknownFields(Object object, String path) throws Exception {
        List<String> unknown = new ArrayList<>();
        if (object == null || !object.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return unknown;
        }
        for (Method getter : object.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get")
                    || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value = getter.invoke(object);
            if (getter.getName().equals("getAdditionalProperties")) {
                ((Map<?, ?>) value).keySet().forEach(k -> unknown.add(path + "." + k));
            } else if (value instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    unknown.addAll(unknownFields(list.get(i), path + "." + field(getter) + "[" + i + "]"));
                }
            } else if (value instanceof Map<?, ?> map) {
                for (var e : map.entrySet()) {
                    unknown.addAll(unknownFields(e.getValue(), path + "." + field(getter) + "." + e.getKey()));
                }
            } else {
                unknown.addAll(unknownFields(value, path + "." + field(getter)));
            }
        }
        return unknown;
    }

    private static String field(Method getter) {
        String name = getter.getName().substring(3);
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    /** Helm's error when rendering with this value set: the install it stops. */
    private static String refusal(String value, String setTo) {
        return assertThrows(RuntimeException.class, () -> RenderedChart.render(CHART, Map.of(value, setTo)))
                .getMessage();
    }

    /** What a bot container starts with besides the Secret: the ConfigMap, then its own env (which wins). */
    private static Map<String, String> environment(RenderedChart chart, PodTemplateSpec pod) {
        Map<String, String> env = new HashMap<>(chart.config());
        pod.getSpec().getContainers().getFirst().getEnv().forEach(e -> env.put(e.getName(), e.getValue()));
        return env;
    }

    private static void assertSelects(Map<String, String> selector, PodTemplateSpec pod) {
        assertFalse(selector.isEmpty());
        assertTrue(pod.getMetadata().getLabels().entrySet().containsAll(selector.entrySet()),
                selector + " selects " + pod.getMetadata().getLabels());
    }

    private static List<HTTPIngressPath> ingressPaths(Ingress ingress) {
        return ingress.getSpec().getRules().stream().flatMap(r -> r.getHttp().getPaths().stream()).toList();
    }

    private static List<String> secretRefs(Container container) {
        return container.getEnvFrom().stream().filter(e -> e.getSecretRef() != null)
                .map(e -> e.getSecretRef().getName()).toList();
    }

    private static boolean grants(PolicyRule rule, String group, String resource, String verb) {
        return rule.getApiGroups().contains(group) && rule.getResources().contains(resource)
                && rule.getVerbs().contains(verb);
    }

    /** The Java sources of every module's main code: a setting the bot reads is named there in quotes. */
    private static String mainSources() {
        StringBuilder all = new StringBuilder();
        for (String module : List.of("bot", "adapters", "generator", "git")) {
            try (Stream<Path> files = Files.walk(DeployArtefactsTest.ROOT.resolve(module))) {
                for (Path f : files.filter(f -> f.toString().endsWith(".java")
                        && f.toString().contains("/src/main/java/")).toList()) {
                    all.append(Files.readString(f));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return all.toString();
    }

    private static Map<?, ?> loadValues() {
        try {
            return new Yaml().load(Files.readString(CHART.resolve("values.yaml")));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
