package dev.aiwizard.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/** The table of variables is the one docs/configuration.md documents, and every key has its default in the yaml. */
class EnvironmentVariablesTest {
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    @Test
    void everyDocumentedVariableOverridesTheKeyTheDocsName() throws Exception {
        Map<String, String> documented = new LinkedHashMap<>();
        for (String row : Files.readAllLines(Path.of("../../docs/configuration.md").toAbsolutePath().normalize())) {
            String[] cells = row.split("\\|");
            if (cells.length < 4 || !cells[1].contains("`")) {
                continue;
            }
            List<String> names = code(cells[1]);
            List<String> keys = code(cells[2]);
            if (keys.isEmpty() || !names.stream().allMatch(n -> n.matches("[A-Z][A-Z0-9_]+"))) {
                continue;
            }
            assertEquals(names.size(), keys.size(), row);
            for (int i = 0; i < names.size(); i++) {
                documented.put(names.get(i), keys.get(i));
            }
        }
        assertTrue(documented.size() > 60, "the tables were read: " + documented.size());
        assertEquals(documented, new LinkedHashMap<>(EnvironmentVariables.KEYS));
    }

    @Test
    void everyKeyOfTheTableHasItsDefaultInApplicationYaml() throws Exception {
        Map<String, Object> yaml;
        try (InputStream in = getClass().getResourceAsStream("/application.yaml")) {
            yaml = new Yaml().load(in);
        }
        for (String key : EnvironmentVariables.KEYS.values()) {
            Object node = yaml.get("wizard");
            for (String part : key.split("\\.")) {
                assertTrue(node instanceof Map<?, ?>, key);
                node = ((Map<?, ?>) node).get(part);
            }
            assertNotNull(node, "wizard." + key + " has a default in application.yaml");
        }
    }

    @Test
    void aBadValueNamesTheVariableAndTheKey() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
                () -> SettingsLoader.load(Map.of("WIZARD_SANDBOX_SLOTS", "two")));
        assertEquals("WIZARD_SANDBOX_SLOTS (wizard.validation.slots) must be a whole number, was 'two'",
                e.getMessage());
    }

    @Test
    void theOperatorsFileWinsOverTheDefaultsAndAVariableOverBoth(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("wizard.yaml");
        Files.writeString(file, "wizard:\n  port: 9090\n  llm:\n    retries: 7\n");
        AppSettings fromFile = SettingsLoader.load(Map.of("WIZARD_CONFIG", file.toString()));
        assertEquals(9090, fromFile.server().port());
        assertEquals(7, fromFile.engine().llm().retries());
        assertEquals(8, fromFile.persistence().dbPoolSize(), "the rest keeps application.yaml's defaults");
        AppSettings fromEnv = SettingsLoader.load(Map.of("WIZARD_CONFIG", file.toString(), "WIZARD_PORT", " 9191 "));
        assertEquals(9191, fromEnv.server().port());
        assertEquals(7, fromEnv.engine().llm().retries());
    }

    @Test
    void anEmptyVariableEmptiesADefault() {
        assertEquals(List.of("ai-generated"), SettingsLoader.load(Map.of()).delivery().github().labels());
        assertEquals(List.of(), SettingsLoader.load(Map.of("WIZARD_GITHUB_LABELS", "")).delivery().github().labels());
    }

    private static List<String> code(String cell) {
        List<String> out = new ArrayList<>();
        Matcher m = CODE.matcher(cell);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
