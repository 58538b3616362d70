package dev.aiwizard.app.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * The deploy artefacts read as text (there is no container engine on these machines): the Dockerfile by its
 * instructions, every documented variable in .env.example, and every value the chart's templates use in values.yaml.
 * The chart is rendered in {@link HelmChartTest}, compose resolved in ComposeConfigIT (see
 * docs/operations.md for what this does and does not prove).
 */
class DeployArtefactsTest {
    static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    static final Path DEPLOY = ROOT.resolve("deploy");
    static final Path CHART = DEPLOY.resolve("helm/ai-wizard");
    static final Pattern SECRET_NAME = Pattern.compile("(?i).*(TOKEN|SECRET|PASSWORD|API_KEY|PRIVATE_KEY).*");

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
    void everyDocumentedVariableIsInTheEnvExampleWithoutAValue() throws Exception {
        String compose = Files.readString(DEPLOY.resolve("compose.yaml"));
        Set<String> example = names(Pattern.compile("(?m)^#? ?([A-Z][A-Z0-9_]+)="),
                Files.readString(DEPLOY.resolve(".env.example")));
        Set<String> used = names(Pattern.compile("\\$\\{([A-Z][A-Z0-9_]+)"), compose);
        assertTrue(example.containsAll(used), "compose's variables are in .env.example: " + minus(used, example));
        Set<String> documented = documentedVariables();
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

    /** The environment variables docs/configuration.md documents (test-only ones left out). */
    static Set<String> documentedVariables() throws Exception {
        String configuration = Files.readString(ROOT.resolve("docs/configuration.md"));
        Set<String> documented = names(Pattern.compile("(?m)^\\| [^|]*?`([A-Z][A-Z0-9_]+)`"), configuration);
        documented.addAll(names(Pattern.compile("(?m)^\\| `[A-Z0-9_]+`, `([A-Z][A-Z0-9_]+)`"), configuration));
        documented.addAll(names(Pattern.compile("(?m)^\\| `[A-Z0-9_]+`, `[A-Z0-9_]+`, `([A-Z][A-Z0-9_]+)`"),
                configuration));
        documented.removeIf(n -> n.startsWith("WIZARD_TEST_"));
        return documented;
    }

    /** The variables configuration.md says are read from the environment only: the secrets, and the App's id. */
    static Set<String> environmentOnlyVariables() throws Exception {
        Set<String> out = new LinkedHashSet<>();
        for (String row : Files.readAllLines(ROOT.resolve("docs/configuration.md"))) {
            String[] cells = row.split("\\|");
            if (cells.length > 2 && cells[2].contains("(environment only)")) {
                out.addAll(names(Pattern.compile("`([A-Z][A-Z0-9_]+)`"), cells[1]));
            }
        }
        return out;
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
}
