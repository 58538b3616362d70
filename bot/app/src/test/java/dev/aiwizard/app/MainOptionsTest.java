package dev.aiwizard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.app.config.AppSettings;
import dev.aiwizard.app.config.ConfigException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Command-line options are read like the variables they stand for, so what depends on them follows too. */
class MainOptionsTest {
    @Test
    void theDataDirOptionAlsoMovesTheSandboxWorkDirThatDefaultsUnderIt() {
        Path dir = Path.of("some", "where");
        AppSettings s = Main.settings(new String[] {"--data-dir", dir.toString()}, Map.of("WIZARD_DATA_DIR", "x"));
        assertEquals(dir, s.persistence().dataDir());
        assertEquals(dir.resolve("sandbox"), s.validation().sandbox().workDir());
    }

    @Test
    void optionsWinOverTheirVariables() {
        AppSettings s = Main.settings(new String[] {"--port", "0", "--no-console"},
                Map.of("WIZARD_PORT", "9999", "WIZARD_CONSOLE", "true"));
        assertEquals(0, s.server().port());
        assertEquals(AppSettings.ConsoleMode.OFF, s.chat().console());
        assertEquals(AppSettings.ConsoleMode.ON, Main.settings(new String[] {"--console"}, Map.of()).chat().console());
    }

    @Test
    void aBadOptionValueNamesTheOption() {
        var e = assertThrows(ConfigException.class, () -> Main.settings(new String[] {"--port", "x"}, Map.of()));
        assertTrue(e.getMessage().startsWith("--port needs a number, was 'x'"), e.getMessage());
    }
}
