package dev.aiwizard.storage;

import dev.aiwizard.core.conversation.ConversationStore;
import org.junit.jupiter.api.AfterAll;

/** The conversation store contract on a fresh schema of the test PostgreSQL, dropped afterwards. */
class PostgresConversationStoreIT extends ConversationStoreContract {
    private TestDatabase database;

    @Override
    protected ConversationStore openStore() {
        database = TestDatabase.postgres();
        return database.storage().conversations();
    }

    @AfterAll
    void closeTheDatabase() {
        if (database != null) {
            database.close();
        }
    }
}
