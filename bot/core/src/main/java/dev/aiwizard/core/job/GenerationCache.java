package dev.aiwizard.core.job;

import java.util.Optional;

/**
 * Port: durable results of model-made projects, keyed by a content hash of everything that shaped them (spec,
 * stack, model, prompts): a SHA-256 in lower-case hex, 64 characters. A hit means the same project again without a
 * single model call.
 */
public interface GenerationCache {
    /** The longest key a cache keeps: a SHA-256 in hex. */
    int MAX_KEY_LENGTH = 64;

    /** {@code key} when a cache can keep it; an {@link IllegalArgumentException} naming the limit when it is longer. */
    static String checkedKey(String key) {
        if (key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("a cache key has at most " + MAX_KEY_LENGTH + " characters, not "
                    + key.length());
        }
        return key;
    }

    /** The project stored under {@code key}, if any. */
    Optional<GeneratedProject> find(String key);

    /** Stores {@code project} under {@code key} (see {@link #checkedKey}), replacing what was there. */
    void put(String key, GeneratedProject project);
}
