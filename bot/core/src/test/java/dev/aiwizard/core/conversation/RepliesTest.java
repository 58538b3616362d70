package dev.aiwizard.core.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RepliesTest {
    @Test
    void thePersonHearsEveryKindOfSecretThatWasRemoved() {
        String notice = Replies.secretsRemoved(List.of("a GitHub token", "a Slack token", "a password in a URL"));

        assertTrue(notice.startsWith("I removed a GitHub token and a Slack token and a password in a URL from your "
                + "message"), notice);
        assertEquals("@bob: " + notice, Replies.secretsRemoved("@bob", List.of("a GitHub token", "a Slack token",
                "a password in a URL")));
    }

    @Test
    void aGenerationWithoutAJobYetIsQueued() {
        assertEquals("I'm still generating (queued). I'll post here when it is done; `status` shows progress.",
                Replies.stillGenerating(null));
    }

    @Test
    void aLimitSaysWhenToTryAgainInWholeMinutes() {
        assertTrue(Refusals.tooManyGenerations(3, Duration.ofSeconds(61)).endsWith("Please try again in 2 minutes."));
        assertTrue(Refusals.tooManyConversations(3, Duration.ofSeconds(5)).endsWith("Please try again in 1 minute."));
    }
}
