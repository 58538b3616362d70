package dev.aiwizard.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecretsTest {
    private static final String GITHUB = "ghp_" + "Zy9Xw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0Fe9Dc8";
    private static final String SLACK = "xoxb-" + "1234567890-abcdefghijkl";

    @Test
    void everySecretInAPersonsTextIsReplacedAndItsKindNamedOnce() {
        Secrets.Redacted r = Secrets.redact("deploy with " + GITHUB + " and " + GITHUB + ", notify via " + SLACK
                + " at https://bob:hunter22@example.com/x");

        assertEquals("deploy with [secret removed] and [secret removed], notify via [secret removed] at "
                + "https://[secret removed]@example.com/x", r.text());
        assertEquals(List.of("a GitHub token", "a Slack token", "a password in a URL"), r.kinds());
    }

    @Test
    void ordinaryTextIsLeftAlone() {
        String idea = "a todo service where people manage tasks with a title, a due date and a done flag; "
                + "see https://example.com/docs and email sk@example.com";
        Secrets.Redacted r = Secrets.redact(idea);
        assertEquals(idea, r.text());
        assertFalse(r.removedAny());
    }

    @Test
    void aPrivateKeyIsRemovedWhole() {
        Secrets.Redacted r = Secrets.redact("key:\n-----BEGIN RSA PRIVATE KEY-----\nMIIEow\nabc\n"
                + "-----END RSA PRIVATE KEY-----\nthanks");
        assertEquals("key:\n[secret removed]\nthanks", r.text());
    }

    @Test
    void aPersonalApiTokenOfOursPastedIntoAChatIsRemoved() {
        String token = "wzt_" + "abcdefghijkmnpqrstuvwxyz23456789".repeat(2).substring(0, 48);

        Secrets.Redacted r = Secrets.redact("use my token " + token + " for the API");

        assertEquals("use my token [secret removed] for the API", r.text());
        assertEquals(List.of("an AI Wizard API token"), r.kinds());
    }
}
