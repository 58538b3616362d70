package dev.aiwizard.storage;

import dev.aiwizard.core.access.ApiTokenStore;
import org.junit.jupiter.api.AfterAll;

/** The API token store contract on an embedded H2 file in a temporary directory. */
class H2ApiTokenStoreTest extends ApiTokenStoreContract {
    private TestDatabase database;

    @Override
    protected ApiTokenStore openStore() {
        database = TestDatabase.h2();
        return database.storage().apiTokens();
    }

    @AfterAll
    void closeTheDatabase() {
        if (database != null) {
            database.close();
        }
    }
}
