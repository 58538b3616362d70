package dev.aiwizard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aiwizard.slack.testing.FakeSlack;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A flood of HTTP requests is bounded: beyond WIZARD_HTTP_MAX_IN_FLIGHT the server answers 503 at once. */
class HttpLimitsIT {
    @TempDir
    Path tmp;

    @Test
    void aRequestBeyondTheInFlightLimitIsAnswered503WhileAnotherIsStillBeingReceived() throws Exception {
        try (FakeSlack slack = FakeSlack.start("xoxb-limits");
             Wizard wizard = Wizard.start(TestSettings.embedded(tmp.resolve("data"), "SLACK_BOT_TOKEN", "xoxb-limits",
                     "SLACK_SIGNING_SECRET", "limits-secret", "SLACK_API_URL", slack.url(),
                     "WIZARD_HTTP_MAX_IN_FLIGHT", "1"), new PrintStream(new ByteArrayOutputStream(), true,
                     StandardCharsets.UTF_8));
             // A slow client: its request is in flight until the rest of its body arrives.
             Socket slow = new Socket(InetAddress.getLoopbackAddress(), wizard.port())) {
            OutputStream out = slow.getOutputStream();
            out.write(("POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1000\r\n\r\n{\"type\":").getBytes(StandardCharsets.US_ASCII));
            out.flush();

            // Asked until the server has taken the slow request in (it does within milliseconds).
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + wizard.port() + "/health"))
                    .timeout(Duration.ofSeconds(10)).build();
            int status = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (status != 503 && System.nanoTime() < deadline) {
                status = http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode();
                Thread.sleep(20);
            }

            assertEquals(503, status, "one request in flight is the limit");
        }
    }
}
