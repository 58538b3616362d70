package dev.aiwizard.storage;

import dev.aiwizard.core.access.ApiTokenStore;
import dev.aiwizard.core.testing.NeedsServices;
import org.junit.jupiter.api.AfterAll;

/** The API token store contract on a fresh schema of the test PostgreSQL, dropped afterwards. */
@NeedsServices
class PostgresApiTokenStoreIT extends ApiTokenStoreContract {
    private TestDatabase database;

    @Override
    protected ApiTokenStore openStore() {
        database = TestDatabase.postgres();
        return database.storage().apiTokens();
    }

    @AfterAll
    void closeTheDatabase() {
        if (database != null) {
            database.close();
        }
    }
}
