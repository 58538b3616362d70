package dev.aiwizard.storage;

import dev.aiwizard.core.job.GenerationCache;
import org.junit.jupiter.api.AfterAll;

/** The generation cache contract on an embedded H2 file in a temporary directory. */
class H2GenerationCacheTest extends GenerationCacheContract {
    private TestDatabase database;

    @Override
    protected GenerationCache openCache() {
        database = TestDatabase.h2();
        return database.storage().generationCache();
    }

    @AfterAll
    void closeTheDatabase() {
        if (database != null) {
            database.close();
        }
    }
}
