package dev.aiwizard.storage;

import dev.aiwizard.core.conversation.ConversationStore;
import org.junit.jupiter.api.AfterAll;

/** The conversation store contract on an embedded H2 file in a temporary directory. */
class H2ConversationStoreTest extends ConversationStoreContract {
    private TestDatabase database;

    @Override
    protected ConversationStore openStore() {
        database = TestDatabase.h2();
        return database.storage().conversations();
    }

    @AfterAll
    void closeTheDatabase() {
        if (database != null) {
            database.close();
        }
    }
}
