package dev.aiwizard.core.testing;

import dev.aiwizard.core.StorageException;
import dev.aiwizard.core.access.ApiToken;
import dev.aiwizard.core.access.ApiTokenStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Personal API tokens in memory, for unit tests; keeps the port's contract (run by the storage module's tests). */
public final class MemoryApiTokenStore implements ApiTokenStore {
    private final Map<String, ApiToken> byId = new LinkedHashMap<>();
    private final Map<String, String> hashes = new LinkedHashMap<>();

    @Override
    public synchronized void add(ApiToken token, String hash) {
        if (hashes.containsKey(hash) || byId.containsKey(token.id())) {
            throw new StorageException("Could not store API token " + token.id() + ": its hash or id is taken");
        }
        hashes.put(hash, token.id());
        byId.put(token.id(), token);
    }

    @Override
    public synchronized Optional<ApiToken> findActive(String hash) {
        return Optional.ofNullable(hashes.get(hash)).map(byId::get).filter(t -> !t.revoked());
    }

    @Override
    public synchronized Optional<ApiToken> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized List<ApiToken> listOf(String ownerId) {
        return newestFirst(byId.values().stream().filter(t -> t.owner().id().equals(ownerId)).toList(), 1000);
    }

    @Override
    public synchronized List<ApiToken> listAll(int limit) {
        return newestFirst(byId.values(), limit);
    }

    @Override
    public synchronized boolean revoke(String id, Instant at) {
        ApiToken t = byId.get(id);
        if (t == null || t.revoked()) {
            return false;
        }
        byId.put(id, new ApiToken(t.id(), t.owner(), t.name(), t.createdAt(), at));
        return true;
    }

    private static List<ApiToken> newestFirst(Collection<ApiToken> tokens, int limit) {
        List<ApiToken> sorted = new ArrayList<>(tokens);
        // Newest first, ties (the same instant) latest added first, like the database's id order.
        Collections.reverse(sorted);
        sorted.sort(Comparator.comparing(ApiToken::createdAt).reversed());
        return sorted.stream().limit(limit).toList();
    }
}
