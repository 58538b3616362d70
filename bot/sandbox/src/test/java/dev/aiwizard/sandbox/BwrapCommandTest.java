package dev.aiwizard.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.core.testing.ShippedSettings;
import dev.aiwizard.sandbox.StackPlan.Step;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BwrapCommandTest {
    private static final Path JDK = Path.of("/opt/jdk-25");
    private final Step tests = new Step("npm test", List.of("npm", "test"),
            Map.of("NODE_OPTIONS", "--max-old-space-size=" + StackPlan.HEAP_MB));
    private final Path run = Path.of("/srv/wizard/sandbox/runs/1");
    private final Path cache = Path.of("/srv/wizard/sandbox/cache");

    @Test
    void theTestStepHasNoNetworkAndOnlyReadsTheCache() {
        List<String> c = new BwrapCommand("/usr/bin/bwrap", JDK, -1).build(tests, run, cache, false, ShippedSettings.sandboxLimits());

        assertEquals("/usr/bin/bwrap", c.getFirst());
        assertTrue(c.contains("--unshare-all"));
        assertFalse(c.contains("--share-net"));
        assertTrue(Collections.indexOfSubList(c, List.of("--ro-bind", cache.toString(), StackPlan.CACHE)) > 0);
        assertTrue(Collections.indexOfSubList(c, List.of("--bind", run.resolve("project").toString(),
                StackPlan.PROJECT)) > 0);
        assertTrue(Collections.indexOfSubList(c, List.of("--ro-bind", JDK.toString(), JDK.toString())) > 0,
                "a JDK outside /usr is bound read-only");
        assertTrue(Collections.indexOfSubList(c, List.of("--", "/usr/bin/prlimit")) > 0);
        assertTrue(c.contains("--nproc=1024"));
        assertTrue(c.contains("--data=" + (2L << 30)));
        assertEquals(List.of("npm", "test"), c.subList(c.size() - 2, c.size()));
    }

    @Test
    void theDependencyStepHasTheNetworkAndWritesTheCache() {
        List<String> c = new BwrapCommand("/usr/bin/bwrap", JDK, -1).build(tests, run, cache, true, ShippedSettings.sandboxLimits());

        assertTrue(c.contains("--share-net"));
        assertTrue(Collections.indexOfSubList(c, List.of("--bind", cache.toString(), StackPlan.CACHE)) > 0);
    }

    @Test
    void theEnvironmentIsCleanAndMadeOfWhatBuildsNeed() {
        List<String> c = new BwrapCommand("/usr/bin/bwrap", JDK, -1).build(tests, run, cache, false, ShippedSettings.sandboxLimits());

        assertTrue(c.indexOf("--clearenv") < c.indexOf("--setenv"));
        assertTrue(Collections.indexOfSubList(c, List.of("--setenv", "JAVA_HOME", JDK.toString())) > 0);
        assertTrue(Collections.indexOfSubList(c, List.of("--setenv", "NODE_OPTIONS", "--max-old-space-size=1024")) > 0);
        assertTrue(Collections.indexOfSubList(c, List.of("--setenv", "JAVA_TOOL_OPTIONS", "-Xmx1024m")) > 0);
        for (int i = 0; i < c.size(); i++) {
            if (c.get(i).equals("--setenv")) {
                assertTrue(List.of("PATH", "HOME", "TMPDIR", "LANG", "CI", "JAVA_HOME", "JAVA_TOOL_OPTIONS", "MAVEN_OPTS",
                        "NODE_OPTIONS").contains(c.get(i + 1)), c.get(i + 1));
            }
        }
    }

    @Test
    void aRootBotStartsBwrapAsTheUnprivilegedUser() {
        List<String> c = new BwrapCommand("/usr/bin/bwrap", JDK, 65534).build(tests, run, cache, false,
                ShippedSettings.sandboxLimits());

        assertEquals(List.of("/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--",
                "/usr/bin/bwrap"), c.subList(0, 6));
    }
}
