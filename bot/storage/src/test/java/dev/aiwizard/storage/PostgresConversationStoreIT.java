package dev.aiwizard.storage;

import dev.aiwizard.core.conversation.ConversationStore;
import dev.aiwizard.core.testing.NeedsServices;
import org.junit.jupiter.api.AfterAll;

/** The conversation store contract on a fresh schema of the test PostgreSQL, dropped afterwards. */
@NeedsServices
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
