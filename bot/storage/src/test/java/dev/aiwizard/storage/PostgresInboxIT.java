package dev.aiwizard.storage;

import dev.aiwizard.core.chat.Inbox;
import org.junit.jupiter.api.AfterEach;

/** The inbox contract on a fresh schema of the test PostgreSQL, dropped afterwards. */
class PostgresInboxIT extends InboxContract {
    private TestDatabase database;

    @Override
    protected Inbox openInbox() {
        database = TestDatabase.postgres();
        return database.storage().inbox();
    }

    @AfterEach
    void closeTheDatabase() {
        database.close();
    }
}
