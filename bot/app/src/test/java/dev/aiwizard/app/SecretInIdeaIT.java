package dev.aiwizard.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A token pasted into the idea never reaches a repository, and the person is told why. */
class SecretInIdeaIT {
    @TempDir
    Path data;

    @Test
    void aGenerationThatWouldCommitATokenFailsWithTheReasonAndPushesNothing() throws Exception {
        String token = "ghp_" + "Zy9Xw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0Fe9Dc8";
        String transcript = Transcript.session(TestSettings.embedded(data), """
                new a todo service where people manage tasks with a title, deploy with %s
                skip
                generate
                """.formatted(token));
        assertTrue(transcript.contains("wizard> Generation failed:"), transcript);
        assertTrue(transcript.contains("looks like a GitHub token"), transcript);
        String failure = transcript.substring(transcript.indexOf("wizard> Generation failed:"));
        assertFalse(failure.contains(token), "the failure message does not repeat the token:\n" + failure);
        assertFalse(Files.exists(data.resolve("repos")) && Files.list(data.resolve("repos")).findAny().isPresent(),
                "nothing was pushed");
    }
}
