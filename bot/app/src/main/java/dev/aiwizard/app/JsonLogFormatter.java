package dev.aiwizard.app;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.aiwizard.core.LogContext;
import dev.aiwizard.core.text.Secrets;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * {@code WIZARD_LOG_FORMAT=json}: one JSON object per line for log shippers, with the time, level, logger, thread,
 * message, the conversation, job and platform the line is about ({@link LogContext}), and the exception with its
 * trace. Secrets never reach the line: token shapes ({@link Secrets}) and the values of the secret environment
 * variables the bot was started with are replaced before writing.
 */
public final class JsonLogFormatter extends Formatter {
    /** The environment variables that hold secrets (docs/configuration.md); their values are masked in every line. */
    static final List<String> SECRET_VARIABLES = List.of("WIZARD_DB_PASSWORD", "WIZARD_API_TOKEN", "GITHUB_TOKEN",
            "GITHUB_APP_PRIVATE_KEY", "GITHUB_WEBHOOK_SECRET", "SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET",
            "SLACK_APP_TOKEN", "DISCORD_BOT_TOKEN", "OPENAI_API_KEY", "ANTHROPIC_API_KEY");
    /** Shorter values would mask ordinary words; real secrets are far longer. */
    private static final int MIN_SECRET_LENGTH = 8;

    private final List<String> secrets;

    /** Masks the secret variables of this process's environment. */
    public JsonLogFormatter() {
        this(System.getenv());
    }

    /** Masks the secret variables of {@code env}. */
    JsonLogFormatter(Map<String, String> env) {
        // Longest first, so a secret that contains another is masked whole.
        this.secrets = SECRET_VARIABLES.stream().map(env::get)
                .filter(v -> v != null && v.strip().length() >= MIN_SECRET_LENGTH).map(String::strip)
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    @Override
    public String format(LogRecord record) {
        LogContext.Fields context = LogContext.current();
        StringBuilder line = new StringBuilder(256).append('{');
        field(line, "time", DateTimeFormatter.ISO_INSTANT.format(record.getInstant()));
        field(line, "level", level(record.getLevel()));
        field(line, "logger", record.getLoggerName());
        field(line, "thread", Thread.currentThread().getName());
        field(line, "message", clean(formatMessage(record)));
        field(line, "conversation_id", context.conversationId());
        field(line, "job_id", context.jobId());
        field(line, "platform", context.platform());
        Throwable thrown = record.getThrown();
        if (thrown != null) {
            field(line, "exception", clean(thrown.toString()));
            StringWriter trace = new StringWriter();
            thrown.printStackTrace(new PrintWriter(trace));
            field(line, "stack_trace", clean(trace.toString()));
        }
        return line.append("}\n").toString();
    }

    /** The usual names (ERROR, WARN, INFO, DEBUG, TRACE) rather than JUL's. */
    static String level(Level level) {
        int v = level.intValue();
        return v >= Level.SEVERE.intValue() ? "ERROR" : v >= Level.WARNING.intValue() ? "WARN"
                : v >= Level.INFO.intValue() ? "INFO" : v >= Level.FINE.intValue() ? "DEBUG" : "TRACE";
    }

    private String clean(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String s : secrets) {
            out = out.replace(s, Secrets.REMOVED);
        }
        return Secrets.redact(out).text();
    }

    private static void field(StringBuilder line, String name, String value) {
        if (value == null) {
            return;
        }
        if (line.length() > 1) {
            line.append(',');
        }
        line.append('"').append(name).append("\":");
        quote(line, value);
    }

    /** {@code s} as a JSON string, escaped by Jackson (which the REST API already writes its JSON with). */
    private static void quote(StringBuilder out, String s) {
        out.append('"').append(JsonStringEncoder.getInstance().quoteAsString(s)).append('"');
    }
}
