package dev.aiwizard.storage;

import dev.aiwizard.core.chat.Inbox;
import org.junit.jupiter.api.AfterEach;

/** The inbox contract on an embedded H2 file in a temporary directory. */
class H2InboxTest extends InboxContract {
    private TestDatabase database;

    @Override
    protected Inbox openInbox() {
        database = TestDatabase.h2();
        return database.storage().inbox();
    }

    @AfterEach
    void closeTheDatabase() {
        database.close();
    }
}
