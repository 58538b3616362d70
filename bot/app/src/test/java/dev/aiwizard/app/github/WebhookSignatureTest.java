package dev.aiwizard.app.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
    private final WebhookSignature signature = new WebhookSignature("It's a Secret to Everybody");

    @Test
    void githubsDocumentedExampleVerifies() {
        // The example in GitHub's "Validating webhook deliveries" documentation.
        byte[] body = "Hello, World!".getBytes(StandardCharsets.UTF_8);
        String expected = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

        assertEquals(expected, signature.header(body));
        assertTrue(signature.verifies(body, expected));
    }

    @Test
    void aChangedBodyAWrongSecretOrAMalformedHeaderDoNotVerify() {
        byte[] body = "{\"action\":\"closed\"}".getBytes(StandardCharsets.UTF_8);
        String good = signature.header(body);

        assertFalse(signature.verifies("{\"action\":\"opened\"}".getBytes(StandardCharsets.UTF_8), good));
        assertFalse(new WebhookSignature("another secret").verifies(body, good));
        assertFalse(signature.verifies(body, null));
        assertFalse(signature.verifies(body, good.replace("sha256=", "sha1=")));
        assertFalse(signature.verifies(body, "sha256=zz"));
        assertFalse(signature.verifies(body, good.substring(0, good.length() - 2)));
    }
}
