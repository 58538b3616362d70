package dev.aiwizard.storage;

import dev.aiwizard.core.conversation.ConversationStore;
import dev.aiwizard.core.request.JobRequestLog;
import dev.aiwizard.core.testing.NeedsServices;
import org.junit.jupiter.api.AfterAll;

/** The job request log contract on a fresh schema of the test PostgreSQL, dropped afterwards. */
@NeedsServices
class PostgresJobRequestLogIT extends JobRequestLogContract {
    private TestDatabase database;

    @Override
    protected JobRequestLog openLog() {
        database = TestDatabase.postgres();
        return database.storage().jobRequests();
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
