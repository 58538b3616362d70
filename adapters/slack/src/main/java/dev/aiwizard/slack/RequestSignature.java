package dev.aiwizard.slack;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Whether an HTTP request really comes from Slack, checked before Bolt sees it: {@code X-Slack-Signature} must be
 * {@code v0=} and the HMAC-SHA256 of {@code v0:<timestamp>:<raw body>} under the signing secret, and
 * {@code X-Slack-Request-Timestamp} at most five minutes from now in either direction.
 *
 * <p>Bolt's own check ({@code SlackSignature.Verifier}) is switched off in favour of this one because it accepts any
 * timestamp in the future, so one captured request could be replayed for as long as its sender chose, and it
 * compares signatures with {@code String.equals}, whose time depends on how many leading characters match.
 */
public final class RequestSignature {
    /** Slack's own limit for clock skew and replays. */
    public static final Duration MAX_SKEW = Duration.ofMinutes(5);
    private static final String VERSION = "v0";

    private final SecretKeySpec key;
    private final Clock clock;

    public RequestSignature(String signingSecret, Clock clock) {
        requireNonNull(signingSecret, "signingSecret");
        if (signingSecret.isBlank()) {
            throw new IllegalArgumentException("a signing secret is needed to check Slack's requests");
        }
        this.key = new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.clock = requireNonNull(clock, "clock");
    }

    /**
     * Whether {@code body}, sent with these two header values ({@code null} when missing), is signed by Slack and
     * fresh. Anything missing or malformed is simply not valid.
     */
    public boolean isValid(String timestamp, String signature, byte[] body) {
        requireNonNull(body, "body");
        if (timestamp == null || signature == null || !isFresh(timestamp)) {
            return false;
        }
        byte[] expected = (VERSION + "=" + HexFormat.of().formatHex(hmac(timestamp, body)))
                .getBytes(StandardCharsets.US_ASCII);
        // MessageDigest.isEqual takes the same time wherever the first difference is, so response times tell an
        // attacker nothing about how much of a forged signature is right (String.equals stops at the first miss).
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8));
    }

    private boolean isFresh(String timestamp) {
        // Plain epoch seconds, as Slack sends them; the length bound keeps Long.parseLong from overflowing.
        if (timestamp.isEmpty() || timestamp.length() > 12 || !timestamp.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        long skew = Math.abs(clock.instant().getEpochSecond() - Long.parseLong(timestamp));
        return skew <= MAX_SKEW.toSeconds();
    }

    private byte[] hmac(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update((VERSION + ":" + timestamp + ":").getBytes(StandardCharsets.US_ASCII));
            // The raw bytes as they arrived: decoding and re-encoding could change them and break the signature.
            return mac.doFinal(body);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("the signing secret cannot be an HMAC key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }
}
