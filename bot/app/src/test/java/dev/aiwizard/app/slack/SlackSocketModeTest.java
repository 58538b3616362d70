package dev.aiwizard.app.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slack.api.bolt.App;
import com.slack.api.model.event.MessageEvent;
import dev.aiwizard.slack.EventNotKeptException;
import dev.aiwizard.slack.SlackBot;
import dev.aiwizard.slack.SlackSettings;
import dev.aiwizard.slack.testing.FakeSlack;
import dev.aiwizard.slack.testing.FakeSlackSocket;
import dev.aiwizard.slack.testing.SlackRequests;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Socket Mode through a local Slack socket: each envelope is run by the Bolt app and acknowledged on the socket with
 * the app's answer, or left unacknowledged when the app refuses or fails, and each is timed from its arrival.
 */
class SlackSocketModeTest {
    private static final String TOKEN = "xoxb-" + "socket-mode-test";
    private static final String APP_TOKEN = "xapp-" + "1-socket-mode-test";

    private static final String COMMAND = """
            {"token":"legacy","team_id":"T0001","team_domain":"acme","channel_id":"C1","channel_name":"general",
             "user_id":"U1","user_name":"u1","command":"/wizard","text":"help","api_app_id":"A0001",
             "response_url":"https://hooks.slack.example/x","trigger_id":"trig-1"}""";

    private record Ack(int status, Duration took) {
    }

    private final BlockingQueue<Ack> acks = new LinkedBlockingQueue<>();
    private FakeSlackSocket socket;
    private FakeSlack slack;
    private SlackSocketMode mode;

    @BeforeEach
    void connect() throws Exception {
        socket = new FakeSlackSocket().started();
        slack = FakeSlack.start(TOKEN);
        slack.socketMode(APP_TOKEN, socket.url());
        App app = SlackBot.app(new SlackSettings(TOKEN, null, APP_TOKEN, URI.create(slack.url()), Duration.ZERO));
        app.command("/wizard", (req, ctx) -> ctx.ack("on it"));
        app.event(MessageEvent.class, (payload, ctx) -> switch (payload.getEvent().getText()) {
            case "slow" -> {
                pause(Duration.ofMillis(300));
                yield ctx.ack();
            }
            case "not kept" -> throw new EventNotKeptException("the inbox is down", null);
            default -> throw new IllegalStateException("a handler failed");
        });
        mode = SlackSocketMode.connect(app, APP_TOKEN, (status, took) -> acks.add(new Ack(status, took)));
        assertTrue(socket.awaitConnection(20), "connected to the socket Slack handed out");
    }

    @AfterEach
    void close() throws InterruptedException {
        if (mode != null) {
            mode.close();
        }
        slack.close();
        socket.stop(1000);
    }

    private static void pause(Duration time) {
        try {
            Thread.sleep(time);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends one envelope and returns how it was answered, once it was (the tests send one at a time). */
    private Ack send(String name, String type, String payload) throws InterruptedException {
        socket.envelope("env-" + name, type, payload);
        Ack ack = acks.poll(20, TimeUnit.SECONDS);
        if (ack == null) {
            throw new AssertionError("no answer timed for " + name + "; the socket got " + socket.received());
        }
        return ack;
    }

    /** Waits until the socket got a message that passes {@code test} (it arrives just after the ack was timed). */
    private void awaitReceived(Predicate<String> test) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (socket.received().stream().noneMatch(test)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not on the socket: " + socket.received());
            }
            Thread.sleep(10);
        }
    }

    private static String message(String text) {
        return SlackRequests.event("Ev-" + text.replace(' ', '-'), "{\"type\":\"message\",\"channel\":\"C1\","
                + "\"user\":\"U1\",\"text\":\"" + text + "\",\"ts\":\"1700000000.000100\",\"channel_type\":\"im\"}");
    }

    @Test
    void anEnvelopeIsAcknowledgedWithTheAppsAnswerAsItsPayload() throws Exception {
        Ack ack = send("command", "slash_commands", COMMAND);

        assertEquals(200, ack.status());
        awaitReceived(m -> m.contains("\"envelope_id\":\"env-command\"")
                && m.contains("\"payload\":{\"text\":\"on it\"}"));
    }

    @Test
    void theTimeRunsFromTheEnvelopesArrivalToItsAcknowledgement() throws Exception {
        Ack ack = send("slow", "events_api", message("slow"));

        assertEquals(200, ack.status());
        assertTrue(ack.took().toMillis() >= 300, "the app's 300 ms are inside the acknowledgement: " + ack.took());
        awaitReceived(m -> m.equals("{\"envelope_id\":\"env-slow\"}"));
    }

    @Test
    void anEnvelopeTheAppRefusesOrFailsOnIsNotAcknowledgedSoSlackSendsItAgain() throws Exception {
        assertEquals(503, send("not-kept", "events_api", message("not kept")).status());
        assertEquals(500, send("broken", "events_api", message("broken")).status());
        // Answered after both: had either been acknowledged, its ack would have come before this one.
        send("command", "slash_commands", COMMAND);
        awaitReceived(m -> m.contains("env-command"));

        assertTrue(socket.received().stream().noneMatch(m -> m.contains("env-not-kept") || m.contains("env-broken")),
                "nothing acknowledged: " + socket.received());
    }
}
