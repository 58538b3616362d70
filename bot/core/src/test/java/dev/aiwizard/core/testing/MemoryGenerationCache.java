package dev.aiwizard.core.testing;

import dev.aiwizard.core.job.GeneratedProject;
import dev.aiwizard.core.job.GenerationCache;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A generation cache in memory, for unit tests of the engine. */
public final class MemoryGenerationCache implements GenerationCache {
    private final Map<String, GeneratedProject> projects = new HashMap<>();

    @Override
    public synchronized Optional<GeneratedProject> find(String key) {
        return Optional.ofNullable(projects.get(key));
    }

    @Override
    public synchronized void put(String key, GeneratedProject project) {
        projects.put(GenerationCache.checkedKey(key), project);
    }
}
