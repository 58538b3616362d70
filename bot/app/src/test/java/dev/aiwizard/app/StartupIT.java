package dev.aiwizard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.app.config.ConfigException;
import dev.aiwizard.core.StorageException;
import dev.aiwizard.core.WizardException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up and restart as an operator sees them. */
class StartupIT {
    @TempDir
    Path data;

    @Test
    void aRestartShowsEarlierConversationsAndContinuesTheUnfinishedOne() throws Exception {
        Transcript.session(TestSettings.embedded(data), "new a shop where people manage products with a price\n");
        String second = Transcript.session(TestSettings.embedded(data), "status\nskip\n");
        assertTrue(second.contains("wizard> Continuing conversation c-"), second);
        assertTrue(second.contains(": asking questions"), second);
        assertTrue(second.contains("wizard> Here is the spec."), second);
        assertTrue(second.contains("**Product**: price (decimal)"), second);
    }

    @Test
    void anUnreachableDatabaseStopsStartUpWithAClearMessageAndNoPassword() {
        var settings = TestSettings.embedded(data, "WIZARD_DB_URL", "jdbc:postgresql://127.0.0.1:1/test",
                "WIZARD_DB_USER", "postgres", "WIZARD_DB_PASSWORD", "hunter2-secret");
        StorageException e = assertThrows(StorageException.class,
                () -> Wizard.start(settings, new PrintStream(new ByteArrayOutputStream())));
        assertTrue(e.getMessage().contains("127.0.0.1:1"), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2-secret"), e.getMessage());
    }

    @Test
    void aPortInUseStopsStartUpAndSaysWhichSettingToChange() throws Exception {
        try (var taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            var settings = TestSettings.embedded(data, "WIZARD_PORT",
                    String.valueOf(taken.getLocalPort()));
            WizardException e = assertThrows(WizardException.class,
                    () -> Wizard.start(settings, new PrintStream(new ByteArrayOutputStream())));
            assertTrue(e.getMessage().contains(":" + taken.getLocalPort()) && e.getMessage().contains("WIZARD_PORT"),
                    e.getMessage());
        }
        // Nothing stays open: the same data directory can be used again at once.
        Wizard.start(TestSettings.embedded(data), new PrintStream(new ByteArrayOutputStream())).close();
    }

    @Test
    void badSettingsNameTheVariableToFix() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> TestSettings.embedded(data, "WIZARD_PORT", "eighty"));
        assertTrue(e.getMessage().startsWith("WIZARD_PORT"), e.getMessage());
        ConfigException path = assertThrows(ConfigException.class,
                () -> TestSettings.embedded(data, "WIZARD_ALLOW_PROTECTED_PATHS", ".github/workflows/, src/"));
        assertTrue(path.getMessage().contains("'src/'"), path.getMessage());
        var allowed = TestSettings.embedded(data, "WIZARD_ALLOW_PROTECTED_PATHS", ".github/workflows/",
                "WIZARD_API_TOKEN", "api-token-xyz");
        assertEquals(java.util.Set.of(".github/workflows/"), allowed.engine().jobs().limits().allowedProtected());
        assertEquals(java.util.List.of("api-token-xyz"), allowed.engine().jobs().limits().knownSecrets());
        ConfigException unknown = assertThrows(ConfigException.class,
                () -> Main.run(new String[] {"--colour"}, Map.of("WIZARD_DATA_DIR", data.toString())));
        assertTrue(unknown.getMessage().contains("--colour"), unknown.getMessage());
    }

    @Test
    void helpDocumentsEveryOption() throws Exception {
        for (String option : new String[] {"--port", "--data-dir", "--no-console", "--console", "--help"}) {
            assertTrue(Main.USAGE.contains(option), option);
        }
        assertEquals(0, Main.run(new String[] {"--help"}, Map.of()));
        assertFalse(Files.exists(data.resolve("wizard.mv.db")), "--help touches no data");
    }
}
