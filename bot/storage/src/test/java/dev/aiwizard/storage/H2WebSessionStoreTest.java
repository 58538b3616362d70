package dev.aiwizard.storage;

import dev.aiwizard.core.access.WebSessionStore;
import org.junit.jupiter.api.AfterAll;

/** The web session store contract on an embedded H2 file in a temporary directory. */
class H2WebSessionStoreTest extends WebSessionStoreContract {
    private TestDatabase database;

    @Override
    protected WebSessionStore openStore() {
        database = TestDatabase.h2();
        return database.storage().webSessions();
    }

    @AfterAll
    void closeTheDatabase() {
        if (database != null) {
            database.close();
        }
    }
}
