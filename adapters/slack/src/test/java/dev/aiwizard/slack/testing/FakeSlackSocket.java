package dev.aiwizard.slack.testing;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * Slack's Socket Mode end on 127.0.0.1: greets a connecting app with {@code hello}, sends it envelopes
 * ({@code events_api}, {@code slash_commands}, {@code interactive}) and records what the app sends back (the acks,
 * {@code {"envelope_id": ...}}), as Slack's Socket Mode documentation describes.
 */
public final class FakeSlackSocket extends WebSocketServer {
    private final CountDownLatch connected = new CountDownLatch(1);
    private final List<String> received = new CopyOnWriteArrayList<>();
    private volatile WebSocket client;

    public FakeSlackSocket() {
        super(new InetSocketAddress("127.0.0.1", 0));
        setReuseAddr(true);
    }

    /** Starts listening and returns once the port is bound. */
    public FakeSlackSocket started() throws InterruptedException {
        start();
        for (int i = 0; i < 200 && getPort() == 0; i++) {
            Thread.sleep(10);
        }
        return this;
    }

    /** The URL {@code apps.connections.open} hands out. */
    public String url() {
        return "ws://127.0.0.1:" + getPort() + "/link/?ticket=test";
    }

    public boolean awaitConnection(long seconds) throws InterruptedException {
        return connected.await(seconds, TimeUnit.SECONDS);
    }

    /** Sends an envelope of {@code type} carrying {@code payloadJson}. */
    public void envelope(String envelopeId, String type, String payloadJson) {
        client.send("{\"envelope_id\":\"" + envelopeId + "\",\"type\":\"" + type + "\",\"accepts_response_payload\":"
                + !type.equals("events_api") + ",\"payload\":" + payloadJson + "}");
    }

    /** What the app sent over the socket, in order. */
    public List<String> received() {
        return List.copyOf(received);
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        client = conn;
        conn.send("{\"type\":\"hello\",\"num_connections\":1,\"debug_info\":{\"host\":\"fake\","
                + "\"approximate_connection_time\":3600},\"connection_info\":{\"app_id\":\"A0001\"}}");
        connected.countDown();
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        received.add(message);
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
    }

    @Override
    public void onStart() {
    }
}
