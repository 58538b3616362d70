package dev.aiwizard.storage;

import dev.aiwizard.core.access.WebSessionStore;
import dev.aiwizard.core.testing.NeedsServices;
import org.junit.jupiter.api.AfterAll;

/** The web session store contract on a fresh schema of the test PostgreSQL, dropped afterwards. */
@NeedsServices
class PostgresWebSessionStoreIT extends WebSessionStoreContract {
    private TestDatabase database;

    @Override
    protected WebSessionStore openStore() {
        database = TestDatabase.postgres();
        return database.storage().webSessions();
    }

    @AfterAll
    void closeTheDatabase() {
        if (database != null) {
            database.close();
        }
    }
}
