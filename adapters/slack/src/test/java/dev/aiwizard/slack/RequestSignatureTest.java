package dev.aiwizard.slack;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.slack.testing.SlackRequests;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Which requests count as Slack's. Whether the comparison takes constant time cannot be seen from outside;
 * {@link RequestSignature} says why it uses {@code MessageDigest.isEqual}, and these tests pin what it accepts.
 */
class RequestSignatureTest {
    private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final long NOW = 1_700_000_000L;
    private static final String BODY = "token=legacy&team_id=T0001&command=%2Fwizard&text=a+todo+service";

    private final RequestSignature check = new RequestSignature(SECRET,
            Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));

    private boolean valid(long timestamp, String signature) {
        return check.isValid(String.valueOf(timestamp), signature, BODY.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aRequestSignedWithTheSecretJustNowIsValid() {
        assertTrue(valid(NOW, SlackRequests.signature(SECRET, NOW, BODY)));
    }

    @Test
    void timestampsUpToFiveMinutesEitherSideAreValidAndBeyondThatNot() {
        for (long t : new long[] {NOW - 300, NOW + 300}) {
            assertTrue(valid(t, SlackRequests.signature(SECRET, t, BODY)), "at " + (t - NOW) + " s");
        }
        for (long t : new long[] {NOW - 301, NOW + 301, NOW + 6 * 60, NOW + 86_400}) {
            assertFalse(valid(t, SlackRequests.signature(SECRET, t, BODY)), "at " + (t - NOW) + " s");
        }
    }

    @Test
    void aSignatureDifferingInAnyOneCharacterIsInvalid() {
        String right = SlackRequests.signature(SECRET, NOW, BODY);
        for (int i = 0; i < right.length(); i++) {
            char c = right.charAt(i);
            String forged = right.substring(0, i) + (c == 'a' ? 'b' : 'a') + right.substring(i + 1);
            assertFalse(valid(NOW, forged), "changed at " + i + ": " + forged);
        }
    }

    @Test
    void anotherSecretOrAnotherBodyIsInvalid() {
        assertFalse(valid(NOW, SlackRequests.signature("another secret", NOW, BODY)));
        assertFalse(check.isValid(String.valueOf(NOW), SlackRequests.signature(SECRET, NOW, BODY),
                (BODY + "&x=1").getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void missingOrGarbledHeadersAreInvalid() {
        String right = SlackRequests.signature(SECRET, NOW, BODY);
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        assertFalse(check.isValid(null, right, body), "no timestamp");
        assertFalse(check.isValid(String.valueOf(NOW), null, body), "no signature");
        assertFalse(check.isValid("", right, body), "empty timestamp");
        assertFalse(check.isValid("soon", right, body), "not a number");
        assertFalse(check.isValid(NOW + ".5", right, body), "a fraction");
        assertFalse(check.isValid("99999999999999999999", right, body), "beyond a long");
        assertFalse(check.isValid(String.valueOf(NOW), right.substring(3), body), "no version prefix");
        assertFalse(check.isValid(String.valueOf(NOW), "v1=" + right.substring(3), body), "another version");
        assertFalse(check.isValid(String.valueOf(NOW), right + "0", body), "longer");
        assertFalse(check.isValid(String.valueOf(NOW), "", body), "empty signature");
    }

    @Test
    void theRawBytesAreSignedSoNonAsciiBodiesCheckOut() {
        String body = "{\"text\":\"caf\u00e9 \u2603 na\u00efve\"}";
        assertTrue(check.isValid(String.valueOf(NOW), SlackRequests.signature(SECRET, NOW, body),
                body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aBlankSigningSecretIsRefusedAtOnce() {
        assertThrows(IllegalArgumentException.class, () -> new RequestSignature(" ", Clock.systemUTC()));
    }
}
