package dev.aiwizard.core.access;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: personal API tokens, found by the SHA-256 of the token (hex), never by the token. Reads answer from the store
 * itself, never from a cache, so a revocation holds at once everywhere. Implementations must be thread-safe.
 */
public interface ApiTokenStore {
    /** Stores a new token under {@code hash}; the hash must not be taken. */
    void add(ApiToken token, String hash);

    /** The token whose hash is {@code hash}, unless it was revoked. */
    Optional<ApiToken> findActive(String hash);

    /** The token with this id, revoked or not. */
    Optional<ApiToken> find(String id);

    /** The tokens of {@code ownerId}, newest first. */
    List<ApiToken> listOf(String ownerId);

    /** Every token, newest first, at most {@code limit}. */
    List<ApiToken> listAll(int limit);

    /** Revokes token {@code id} at {@code at}; false when there is no such token or it was revoked already. */
    boolean revoke(String id, Instant at);
}
