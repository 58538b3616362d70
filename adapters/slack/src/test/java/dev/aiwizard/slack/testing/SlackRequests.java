package dev.aiwizard.slack.testing;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Requests as Slack sends them to {@code /slack/events}: slash commands and interactivity form-encoded, events as
 * JSON callbacks, each signed with the app's signing secret ({@code v0:timestamp:body}, HMAC-SHA256).
 */
public final class SlackRequests {
    private SlackRequests() {
    }

    /** {@code X-Slack-Signature} for {@code body} sent at {@code timestamp} (epoch seconds). */
    public static String signature(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] sig = mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
            return "v0=" + HexFormat.of().formatHex(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A request to {@code url} as Slack sends it now: {@code body} of {@code contentType}, signed with {@code secret};
     * a retry when {@code retryNum} is not null ({@code X-Slack-Retry-Num}).
     */
    public static HttpRequest signed(URI url, String body, String contentType, String secret, String retryNum) {
        long now = Instant.now().getEpochSecond();
        HttpRequest.Builder b = HttpRequest.newBuilder(url).header("Content-Type", contentType)
                .header("X-Slack-Request-Timestamp", String.valueOf(now))
                .header("X-Slack-Signature", signature(secret, now, body))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (retryNum != null) {
            b.header("X-Slack-Retry-Num", retryNum).header("X-Slack-Retry-Reason", "http_error");
        }
        return b.build();
    }

    /** A slash command's form body. */
    public static String command(String command, String text, String user, String channel, String triggerId) {
        return command(command, text, user, channel, triggerId, "https://hooks.slack.example/x");
    }

    /** A slash command's form body whose answers go to {@code responseUrl}. */
    public static String command(String command, String text, String user, String channel, String triggerId,
                                 String responseUrl) {
        return "token=legacy&team_id=T0001&team_domain=acme&channel_id=" + enc(channel) + "&channel_name=general"
                + "&user_id=" + enc(user) + "&user_name=" + enc(user.toLowerCase()) + "&command=" + enc(command)
                + "&text=" + enc(text) + "&api_app_id=A0001&response_url=" + enc(responseUrl)
                + "&trigger_id=" + enc(triggerId);
    }

    /** An {@code event_callback} wrapping {@code eventJson}. */
    public static String event(String eventId, String eventJson) {
        return "{\"token\":\"legacy\",\"team_id\":\"T0001\",\"api_app_id\":\"A0001\",\"type\":\"event_callback\","
                + "\"event_id\":\"" + eventId + "\",\"event_time\":1700000000,\"event\":" + eventJson
                + ",\"authorizations\":[{\"team_id\":\"T0001\",\"user_id\":\"" + FakeSlack.BOT_USER
                + "\",\"is_bot\":true}]}";
    }

    /** A person's reply in a thread, as a {@code message} event. */
    public static String threadReply(String channel, String threadTs, String user, String text, String ts) {
        return "{\"type\":\"message\",\"channel\":\"" + channel + "\",\"user\":\"" + user + "\",\"text\":\""
                + text + "\",\"ts\":\"" + ts + "\",\"thread_ts\":\"" + threadTs + "\",\"channel_type\":\"channel\"}";
    }

    /** A press of button {@code actionId} with {@code value} on message {@code messageTs} in thread {@code threadTs}. */
    public static String buttonPress(String channel, String threadTs, String messageTs, String user, String actionId,
                                     String value, String triggerId) {
        String payload = "{\"type\":\"block_actions\",\"team\":{\"id\":\"T0001\",\"domain\":\"acme\"},"
                + "\"user\":{\"id\":\"" + user + "\",\"username\":\"" + user.toLowerCase() + "\",\"team_id\":\"T0001\"},"
                + "\"api_app_id\":\"A0001\",\"token\":\"legacy\",\"trigger_id\":\"" + triggerId + "\","
                + "\"container\":{\"type\":\"message\",\"message_ts\":\"" + messageTs + "\",\"channel_id\":\""
                + channel + "\",\"is_ephemeral\":false,\"thread_ts\":\"" + threadTs + "\"},"
                + "\"channel\":{\"id\":\"" + channel + "\",\"name\":\"general\"},"
                + "\"message\":{\"type\":\"message\",\"ts\":\"" + messageTs + "\",\"thread_ts\":\"" + threadTs
                + "\",\"bot_id\":\"B0001\",\"text\":\"...\"},"
                + "\"response_url\":\"https://hooks.slack.example/a\","
                + "\"actions\":[{\"type\":\"button\",\"action_id\":\"" + actionId + "\",\"block_id\":\"wizard_choices\","
                + "\"value\":\"" + value + "\",\"action_ts\":\"1700000001.000001\",\"text\":{\"type\":\"plain_text\","
                + "\"text\":\"" + value + "\"}}]}";
        return "payload=" + enc(payload);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
