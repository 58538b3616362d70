package dev.aiwizard.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.aiwizard.core.job.GeneratedProject;
import dev.aiwizard.core.job.GenerationCache;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The generation cache contract on an embedded H2 file in a temporary directory. */
class H2GenerationCacheTest extends GenerationCacheContract {
    private TestDatabase database;

    @Override
    protected GenerationCache openCache() {
        database = TestDatabase.h2();
        return database.storage().generationCache();
    }

    @Test
    void aKeyLongerThanTheKeyColumnIsRefusedWithAClearMessage() {
        GeneratedProject project = new GeneratedProject(List.of(), "true", "offline");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> database.storage().generationCache().put("k".repeat(65), project));

        assertEquals("a cache key has at most 64 characters, not 65", e.getMessage());
    }

    @AfterAll
    void closeTheDatabase() {
        if (database != null) {
            database.close();
        }
    }
}
