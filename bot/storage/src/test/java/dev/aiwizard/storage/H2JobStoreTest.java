package dev.aiwizard.storage;

import dev.aiwizard.core.conversation.ConversationStore;
import dev.aiwizard.core.job.JobStore;
import org.junit.jupiter.api.AfterAll;

/** The job store contract on an embedded H2 file in a temporary directory. */
class H2JobStoreTest extends JobStoreContract {
    private TestDatabase database;

    @Override
    protected JobStore openStore() {
        database = TestDatabase.h2();
        return database.storage().jobs();
    }

    @Override
    protected ConversationStore conversations() {
        return database.storage().conversations();
    }

    @AfterAll
    void closeTheDatabase() {
        if (database != null) {
            database.close();
        }
    }
}
