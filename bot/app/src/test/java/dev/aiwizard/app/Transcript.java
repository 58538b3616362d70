package dev.aiwizard.app;

import dev.aiwizard.app.config.AppSettings;
import dev.aiwizard.core.chat.UserRef;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

/** Runs a scripted console session against a real bot, as {@code printf '...' | ./wizard} does. */
final class Transcript {
    private Transcript() {
    }

    static String session(AppSettings settings, String input) throws InterruptedException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (Wizard wizard = Wizard.start(settings, out)) {
            var adapter = wizard.console(new UserRef("tester", "tester"), out, settings.chat().consoleWait());
            adapter.run(new BufferedReader(new StringReader(input)));
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
