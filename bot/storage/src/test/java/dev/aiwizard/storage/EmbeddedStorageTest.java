package dev.aiwizard.storage;

import static dev.aiwizard.storage.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.core.conversation.Conversation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default: an H2 file under the data directory that needs no database server. */
class EmbeddedStorageTest {
    @TempDir
    Path dataDir;

    @Test
    void theEmbeddedDatabaseIsAFileUnderTheDataDirectory() {
        try (Storage storage = Storage.open(StorageSettings.embedded(dataDir, TestDatabase.TIMEOUTS))) {
            assertTrue(storage.ping());
            assertEquals("embedded H2 at " + dataDir.toAbsolutePath().resolve("wizard"), storage.describe());
        }
        assertTrue(Files.exists(dataDir.resolve("wizard.mv.db")));
    }

    @Test
    void whatWasStoredIsStillThereAfterARestart() {
        Conversation c = Fixtures.conversation(T0);
        try (Storage storage = Storage.open(StorageSettings.embedded(dataDir, TestDatabase.TIMEOUTS))) {
            storage.conversations().create(c, List.of(Fixtures.said(c, "an idea", T0)));
        }

        try (Storage reopened = Storage.open(StorageSettings.embedded(dataDir, TestDatabase.TIMEOUTS))) {
            assertEquals(c, reopened.conversations().find(c.id()).orElseThrow());
            assertEquals(1, reopened.conversations().messages(c.id()).size());
        }
    }

    @Test
    void aClosedStorageNoLongerAnswersPing() {
        Storage storage = Storage.open(StorageSettings.embedded(dataDir, TestDatabase.TIMEOUTS));
        storage.close();

        assertFalse(storage.ping());
    }
}
