package dev.aiwizard.storage;

import static dev.aiwizard.storage.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aiwizard.core.Ids;
import dev.aiwizard.core.conversation.Conversation;
import dev.aiwizard.core.conversation.ConversationId;
import dev.aiwizard.core.conversation.ConversationStore;
import dev.aiwizard.core.request.JobRequestLog;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What every {@link JobRequestLog} promises. Each test uses fresh keys and conversations. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JobRequestLogContract {
    private JobRequestLog log;

    /** The log under test, opened once for the class. */
    protected abstract JobRequestLog openLog();

    /** The conversations the log's entries refer to (a database keeps the reference). */
    protected abstract ConversationStore conversations();

    @BeforeAll
    void openTheLog() {
        log = openLog();
    }

    private ConversationId conversation() {
        Conversation c = Fixtures.conversation(T0);
        conversations().create(c, List.of());
        return c.id();
    }

    private static String key() {
        return Ids.random(64);
    }

    @Test
    void theConversationsOfAKeyAreFoundNewestFirstFromTheGivenInstantOn() {
        String key = key();
        ConversationId old = conversation();
        ConversationId middle = conversation();
        ConversationId recent = conversation();
        log.record(key, old, T0);
        log.record(key, middle, T0.plus(Duration.ofHours(1)));
        log.record(key, recent, T0.plus(Duration.ofHours(2)));
        log.record(key(), conversation(), T0.plus(Duration.ofHours(2)));

        assertEquals(List.of(recent, middle), log.since(key, T0.plus(Duration.ofHours(1)), 10));
        assertEquals(List.of(recent), log.since(key, T0, 1));
        assertEquals(List.of(), log.since(key, T0.plus(Duration.ofHours(3)), 10));
        assertEquals(List.of(), log.since(key(), T0, 10));
    }

    @Test
    void entriesOfTheSameInstantComeLatestRecordedFirst() {
        String key = key();
        ConversationId first = conversation();
        ConversationId second = conversation();
        log.record(key, first, T0);
        log.record(key, second, T0);

        assertEquals(List.of(second, first), log.since(key, T0, 10));
    }
}
