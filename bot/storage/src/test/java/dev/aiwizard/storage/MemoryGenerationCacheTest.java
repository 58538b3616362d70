package dev.aiwizard.storage;

import dev.aiwizard.core.job.GenerationCache;
import dev.aiwizard.core.testing.MemoryGenerationCache;

/** The generation cache contract on the core's in-memory fake, so the engine's tests rely on what the real caches do. */
class MemoryGenerationCacheTest extends GenerationCacheContract {

    @Override
    protected GenerationCache openCache() {
        return new MemoryGenerationCache();
    }
}
