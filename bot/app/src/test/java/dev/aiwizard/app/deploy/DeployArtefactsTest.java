package dev.aiwizard.app.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The deploy artefacts checked without a container engine or helm (none is on these machines): the Dockerfile by its
 * instructions, compose by parsing and cross-checking every variable with the docs, and the chart's templates by
 * their value references and by the Kubernetes field names of each object (see docs/operations.md for what this
 * does and does not prove).
 */
class DeployArtefactsTest {
    static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    static final Path DEPLOY = ROOT.resolve("deploy");
    static final Path CHART = DEPLOY.resolve("helm/ai-wizard");
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(TOKEN|SECRET|PASSWORD|API_KEY|PRIVATE_KEY).*");

    @Test
    void theImageIsPinnedRunsAsANonRootUserAndReportsItsHealth() throws Exception {
        List<String> instructions = dockerfile();
        List<String> froms = instructions.stream().filter(i -> i.startsWith("FROM ")).toList();
        assertEquals(2, froms.size(), "a build stage and a runtime stage");
        for (String from : froms) {
            String image = from.split("\\s+")[1];
            assertTrue(image.matches("[a-z0-9./-]+(:[0-9][A-Za-z0-9._-]*|@sha256:[0-9a-f]{64})"),
                    "pinned by version or digest: " + image);
        }
        String user = last(instructions, "USER ").split("\\s+")[1];
        assertTrue(user.matches("[1-9][0-9]*(:[1-9][0-9]*)?"), "a numeric non-root user: " + user);
        assertTrue(last(instructions, "HEALTHCHECK ").contains("/health/ready"));
        assertTrue(last(instructions, "EXPOSE ").endsWith(" 8080"));
        assertTrue(last(instructions, "ENV ").contains("WIZARD_PORT=8080"), "EXPOSE matches the port the bot uses");
        assertTrue(last(instructions, "VOLUME ").contains("/var/lib/ai-wizard"));
        assertTrue(instructions.stream().anyMatch(i -> i.contains("org.opencontainers.image.title")));
        for (String i : instructions) {
            if (i.startsWith("ENV ") || i.startsWith("ARG ")) {
                for (String word : i.substring(4).split("\\s+")) {
                    assertFalse(SECRET_NAME.matcher(word.split("=")[0]).matches(), "no secret baked in: " + i);
                }
            }
        }
    }

    @Test
    void composeRunsTheBotPostgresAndRedisWithHealthChecksAndEveryVariableIsDocumented() throws Exception {
        String text = Files.readString(DEPLOY.resolve("compose.yaml"));
        Map<String, Object> compose = new Yaml().load(text);
        Map<String, Map<String, Object>> services = cast(compose.get("services"));
        assertEquals(Set.of("bot", "postgres", "redis"), services.keySet());
        services.forEach((name, service) -> assertTrue(service.containsKey("healthcheck"), name + " has a healthcheck"));
        assertTrue(((Map<?, ?>) compose.get("volumes")).keySet().containsAll(List.of("wizard-data", "postgres-data")));
        for (String name : List.of("postgres", "redis")) {
            assertTrue(services.get(name).get("image").toString().matches("[a-z]+:[0-9][0-9.]*"), "pinned " + name);
        }
        Set<String> example = names(Pattern.compile("(?m)^#? ?([A-Z][A-Z0-9_]+)="),
                Files.readString(DEPLOY.resolve(".env.example")));
        Set<String> used = names(Pattern.compile("\\$\\{([A-Z][A-Z0-9_]+)"), text);
        assertTrue(example.containsAll(used), "compose's variables are in .env.example: " + minus(used, example));
        String configuration = Files.readString(ROOT.resolve("docs/configuration.md"));
        Set<String> documented = names(Pattern.compile("(?m)^\\| [^|]*?`([A-Z][A-Z0-9_]+)`"), configuration);
        documented.addAll(names(Pattern.compile("(?m)^\\| `[A-Z0-9_]+`, `([A-Z][A-Z0-9_]+)`"), configuration));
        documented.addAll(names(Pattern.compile("(?m)^\\| `[A-Z0-9_]+`, `[A-Z0-9_]+`, `([A-Z][A-Z0-9_]+)`"),
                configuration));
        documented.removeIf(n -> n.startsWith("WIZARD_TEST_"));
        assertTrue(example.containsAll(documented), "every documented variable is in .env.example: "
                + minus(documented, example));
        Set<String> composeOnly = Set.of("POSTGRES_PASSWORD", "WIZARD_IMAGE", "WIZARD_PUBLISHED_PORT");
        assertTrue(documented.containsAll(minus(example, composeOnly)), ".env.example names nothing undocumented: "
                + minus(minus(example, composeOnly), documented));
        for (String line : Files.readAllLines(DEPLOY.resolve(".env.example"))) {
            if (!line.startsWith("#") && line.contains("=")) {
                assertTrue(line.endsWith("="), "no value, let alone a secret, is committed: " + line);
            }
        }
    }

    @Test
    void everyValueTheChartUsesIsInValuesYaml() throws Exception {
        Map<String, Object> values = new Yaml().load(Files.readString(CHART.resolve("values.yaml")));
        Pattern ref = Pattern.compile("\\.Values((?:\\.[A-Za-z][A-Za-z0-9]*)+)");
        List<String> missing = new ArrayList<>();
        for (Path template : templates()) {
            Matcher m = ref.matcher(Files.readString(template));
            while (m.find()) {
                Object at = values;
                for (String key : m.group(1).substring(1).split("\\.")) {
                    at = at instanceof Map<?, ?> map ? map.get(key) : null;
                }
                if (at == null) {
                    missing.add(template.getFileName() + ": .Values" + m.group(1));
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void everyObjectOfTheChartUsesOnlyFieldsTheKubernetesApiKnows() throws Exception {
        List<String> kinds = new ArrayList<>();
        for (Path template : templates()) {
            if (template.toString().endsWith(".tpl")) {
                continue;
            }
            for (String document : skeleton(Files.readString(template)).split("(?m)^---$")) {
                HasMetadata object = Serialization.unmarshal(document);
                assertEquals(List.of(), unknownFields(object, object.getKind()), template.getFileName().toString());
                kinds.add(object.getKind());
            }
        }
        assertTrue(kinds.containsAll(List.of("Deployment", "Service", "Ingress", "ConfigMap", "PodDisruptionBudget",
                "HorizontalPodAutoscaler", "StatefulSet", "PersistentVolumeClaim", "Role")), kinds.toString());
        HasMetadata misspelled = Serialization.unmarshal(skeleton(Files.readString(CHART.resolve(
                "templates/deployment.yaml")).replace("readinessProbe:", "readinesProbe:")));
        assertEquals(List.of("Deployment.spec.template.spec.containers[0].readinesProbe"),
                unknownFields(misspelled, "Deployment"), "the check fails on a misspelled field");
    }

    /**
     * A template with its actions taken out: lines that are only an action go, an action inside a line becomes
     * {@code 1}. Field names are the template's own, so a misspelled one survives; values are not rendered.
     */
    static String skeleton(String template) {
        StringBuilder out = new StringBuilder();
        for (String line : template.split("\n")) {
            if (line.strip().matches("\\{\\{-?.*-?}}") && line.strip().startsWith("{{")
                    && line.strip().indexOf("}}") == line.strip().length() - 2) {
                continue;
            }
            out.append(line.replaceAll("\\{\\{-?[^}]*}}", "1")).append('\n');
        }
        return out.toString();
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

    private static List<Path> templates() throws Exception {
        try (Stream<Path> files = Files.list(CHART.resolve("templates"))) {
            return files.sorted().toList();
        }
    }

    /** Instructions with their continuation lines joined and comments dropped. */
    private static List<String> dockerfile() throws Exception {
        String joined = Files.readString(DEPLOY.resolve("Dockerfile")).replaceAll("(?m)^\\s*#.*\\n", "")
                .replaceAll("\\\\\\n", " ");
        return joined.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static String last(List<String> instructions, String prefix) {
        return instructions.stream().filter(i -> i.startsWith(prefix)).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no " + prefix.strip() + " instruction"));
    }

    private static Set<String> names(Pattern pattern, String text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static Set<String> minus(Collection<String> a, Collection<String> b) {
        Set<String> out = new LinkedHashSet<>(a);
        out.removeAll(b);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object o) {
        return (T) o;
    }
}
