package dev.aiwizard.storage;

import dev.aiwizard.core.job.GenerationCache;
import dev.aiwizard.core.testing.NeedsServices;
import org.junit.jupiter.api.AfterAll;

/** The generation cache contract on a fresh schema of the test PostgreSQL, dropped afterwards. */
@NeedsServices
class PostgresGenerationCacheIT extends GenerationCacheContract {
    private TestDatabase database;

    @Override
    protected GenerationCache openCache() {
        database = TestDatabase.postgres();
        return database.storage().generationCache();
    }

    @AfterAll
    void closeTheDatabase() {
        if (database != null) {
            database.close();
        }
    }
}
