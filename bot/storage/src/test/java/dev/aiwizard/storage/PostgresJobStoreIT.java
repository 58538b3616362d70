package dev.aiwizard.storage;

import dev.aiwizard.core.conversation.ConversationStore;
import dev.aiwizard.core.job.JobStore;
import dev.aiwizard.core.testing.NeedsServices;
import org.junit.jupiter.api.AfterAll;

/** The job store contract on a fresh schema of the test PostgreSQL, dropped afterwards. */
@NeedsServices
class PostgresJobStoreIT extends JobStoreContract {
    private TestDatabase database;

    @Override
    protected JobStore openStore() {
        database = TestDatabase.postgres();
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
