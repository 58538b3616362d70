package dev.aiwizard.core.job;

import java.util.Optional;

/**
 * Port: durable results of model-made projects, keyed by a content hash of everything that shaped them (spec,
 * stack, model, prompts): a SHA-256 in lower-case hex, 64 characters. A hit means the same project again without a
 * single model call.
 */
public interface GenerationCache {
    /** The project stored under {@code key}, if any. */
    Optional<GeneratedProject> find(String key);

    /** Stores {@code project} under {@code key}, replacing what was there. */
    void put(String key, GeneratedProject project);
}
