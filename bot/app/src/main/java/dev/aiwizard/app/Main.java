package dev.aiwizard.app;

import dev.aiwizard.app.config.AppSettings;
import dev.aiwizard.app.config.ConfigException;
import dev.aiwizard.app.config.SettingsLoader;
import dev.aiwizard.console.ConsoleAdapter;
import dev.aiwizard.core.WizardException;
import dev.aiwizard.core.chat.UserRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/** Starts AI Wizard: reads the settings, wires everything, and runs the console when no chat platform is set. */
public final class Main {
    static final String USAGE = """
            Usage: java -jar wizard.jar [options]

            Runs AI Wizard: the web server (web pages, health, metrics, REST API) and, when no chat platform is configured, the
            console adapter on this terminal. Piped input is a scripted session: when input ends the bot waits for
            the conversation's job, prints the result and exits 0.

            Options:
              --port N          HTTP port (default 8080; env WIZARD_PORT; 0 picks a free port)
              --data-dir DIR    where the embedded database and local repositories live (default ./data;
                                env WIZARD_DATA_DIR)
              --no-console      serve HTTP only, even without a chat platform (env WIZARD_CONSOLE=false)
              --console         run the console adapter (env WIZARD_CONSOLE=true)
              -h, --help        show this help

            In a conversation: new <idea> | skip | generate (yes) | change <what> | status | cancel | help
            Configuration: application.yaml defaults, overridden by environment variables (docs/configuration.md).
            """;

    private Main() {
    }

    public static void main(String[] args) {
        // Before anything logs: the log manager is chosen once, when logging is first used.
        System.setProperty("java.util.logging.manager", ShutdownSafeLogManager.class.getName());
        String logFormat = System.getenv().getOrDefault("WIZARD_LOG_FORMAT", "text").strip().toLowerCase(Locale.ROOT);
        if (!logFormat.equals("text") && !logFormat.equals("json") && !logFormat.isEmpty()) {
            System.err.println("wizard: configuration problem: WIZARD_LOG_FORMAT must be text or json, not '"
                    + logFormat + "'");
            System.exit(2);
        }
        configureLogging(logFormat.equals("json"));
        int code;
        try {
            code = run(args, System.getenv());
        } catch (ConfigException e) {
            System.err.println("wizard: configuration problem: " + e.getMessage());
            code = 2;
        } catch (WizardException e) {
            System.err.println("wizard: cannot start: " + e.getMessage());
            code = 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            code = 130;
        }
        System.exit(code);
    }

    /**
     * Reads {@code logging.properties} from the jar; plain JUL, which starts faster than Helidon's LogConfig. With
     * {@code json}, every handler writes one JSON object per line ({@link JsonLogFormatter}) instead of text.
     */
    static void configureLogging(boolean json) {
        try (InputStream in = Main.class.getResourceAsStream("/logging.properties")) {
            if (in != null) {
                LogManager.getLogManager().readConfiguration(in);
            }
        } catch (IOException e) {
            System.err.println("wizard: logging.properties could not be read: " + e.getMessage());
        }
        if (json) {
            JsonLogFormatter formatter = new JsonLogFormatter();
            for (Handler h : Logger.getLogger("").getHandlers()) {
                h.setFormatter(formatter);
            }
        }
    }

    static int run(String[] args, Map<String, String> env) throws InterruptedException {
        if (List.of(args).contains("-h") || List.of(args).contains("--help")) {
            System.out.print(USAGE);
            return 0;
        }
        AppSettings settings = settings(args, env);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (Wizard wizard = Wizard.start(settings, out)) {
            System.err.println("AI Wizard is up on http://" + settings.host() + ":" + wizard.port()
                    + " (health: /health, API: /api/v1) — " + wizard.describe());
            System.err.println("Open AI Wizard in a browser: " + webAddress(settings, wizard.port()));
            ConsoleIntake console = new ConsoleIntake(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            Duration grace = settings.resilience().shutdownGrace();
            // SIGTERM (and Ctrl-C) in every mode: the console's turn and the chat queues drain, then all closes.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> shutDown(wizard, console, grace),
                    "wizard-shutdown"));
            if (settings.console() == AppSettings.ConsoleMode.OFF
                    || settings.console() == AppSettings.ConsoleMode.AUTO && settings.hasChatPlatform()) {
                Thread.currentThread().join();
                return 0;
            }
            boolean interactive = System.console() != null;
            var adapter = new ConsoleAdapter(wizard.conversations(), wizard.console(), wizard.runner()::awaitIdle,
                    new UserRef(System.getProperty("user.name", "you"), System.getProperty("user.name", "you")),
                    interactive ? null : out, settings.consoleWait());
            adapter.run(console);
            return 0;
        }
    }

    /**
     * Where a person opens the pages: the public URL when one is set, else this machine (on an install without
     * sign-in, only a browser on this machine is let in).
     */
    static String webAddress(AppSettings settings, int port) {
        if (!settings.web().publicUrl().isEmpty()) {
            return settings.web().publicUrl() + "/";
        }
        String host = settings.host();
        boolean any = host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]") || host.isEmpty();
        return "http://" + (any ? "127.0.0.1" : host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/";
    }

    /** What the shutdown hook does: the console's line in progress finishes, then the bot drains and closes. */
    static void shutDown(Wizard wizard, ConsoleIntake console, Duration grace) {
        try {
            if (!console.stop(grace)) {
                System.getLogger(Main.class.getName()).log(System.Logger.Level.WARNING, "shutting down: the console's "
                        + "turn did not finish within " + grace.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        wizard.close();
    }

    /**
     * The settings {@code args} and {@code env} ask for. An option stands for its variable and wins over it; it is
     * applied before the settings are bound, so what defaults from it (the sandbox dir under the data dir) follows.
     */
    static AppSettings settings(String[] args, Map<String, String> env) {
        Map<String, String> vars = new HashMap<>(env);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> vars.put("WIZARD_PORT", String.valueOf(number(args, ++i)));
                case "--data-dir" -> vars.put("WIZARD_DATA_DIR", value(args, ++i));
                case "--no-console" -> vars.put("WIZARD_CONSOLE", "false");
                case "--console" -> vars.put("WIZARD_CONSOLE", "true");
                default -> throw new ConfigException("unknown option '" + args[i] + "' (see --help)");
            }
        }
        return SettingsLoader.load(vars);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new ConfigException(args[i - 1] + " needs a value (see --help)");
        }
        return args[i];
    }

    private static int number(String[] args, int i) {
        String v = value(args, i);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new ConfigException(args[i - 1] + " needs a number, was '" + v + "'");
        }
    }
}
