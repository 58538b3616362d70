package dev.aiwizard.storage;

import static dev.aiwizard.storage.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.core.StorageException;
import dev.aiwizard.core.conversation.Conversation;
import dev.aiwizard.core.testing.PrivatePostgres;
import dev.aiwizard.core.testing.SpawnsProcesses;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A database that goes away and comes back: calls fail clearly meanwhile, and the bot carries on without a restart. */
@Timeout(180)
@SpawnsProcesses
class DatabaseRestartIT {
    private static final StorageSettings.Timeouts SHORT = new StorageSettings.Timeouts(Duration.ofSeconds(1),
            Duration.ofSeconds(3), Duration.ofSeconds(2));

    @Test
    void whileTheDatabaseIsDownCallsFailClearlyAndOnceItIsBackTheSameStorageWorksAgain() throws Exception {
        try (PrivatePostgres pg = PrivatePostgres.start();
             Storage storage = Storage.open(new StorageSettings(pg.url(), "postgres", "", 2, SHORT))) {
            Conversation before = Fixtures.conversation(T0);
            storage.conversations().create(before, List.of());

            pg.stop();
            StorageException down = assertThrows(StorageException.class,
                    () -> storage.conversations().find(before.id()));
            assertTrue(down.getMessage().startsWith("Could not find conversation " + before.id() + ": "),
                    down.getMessage());
            assertTrue(down.getMessage().contains("the database cannot be reached"), down.getMessage());
            assertFalse(storage.ping());

            pg.startAgain();
            assertEquals(before, storage.conversations().find(before.id()).orElseThrow());
            Conversation after = Fixtures.conversation(T0);
            storage.conversations().create(after, List.of());
            assertEquals(after, storage.conversations().find(after.id()).orElseThrow());
            assertTrue(storage.ping());
        }
    }
}
