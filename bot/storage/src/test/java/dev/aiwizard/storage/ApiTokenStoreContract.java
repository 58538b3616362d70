package dev.aiwizard.storage;

import static dev.aiwizard.storage.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.core.Ids;
import dev.aiwizard.core.StorageException;
import dev.aiwizard.core.access.ApiToken;
import dev.aiwizard.core.access.ApiTokenStore;
import dev.aiwizard.core.chat.UserRef;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What every {@link ApiTokenStore} promises. Each test uses fresh users, ids and hashes. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ApiTokenStoreContract {
    private ApiTokenStore store;

    /** The store under test, opened once for the class. */
    protected abstract ApiTokenStore openStore();

    @BeforeAll
    void openTheStore() {
        store = openStore();
    }

    private static UserRef user() {
        String id = "u-" + Ids.random(8);
        return new UserRef(id, "Person " + id);
    }

    private static ApiToken token(UserRef owner, String name, java.time.Instant at) {
        return new ApiToken("tok-" + Ids.random(10), owner, name, at, null);
    }

    private static String hash() {
        return Ids.random(64);
    }

    @Test
    void aStoredTokenIsFoundByItsHashAndIdAsItWasStored() {
        ApiToken token = token(user(), "laptop", T0);
        String hash = hash();

        store.add(token, hash);

        assertEquals(Optional.of(token), store.findActive(hash));
        assertEquals(Optional.of(token), store.find(token.id()));
        assertEquals(Optional.empty(), store.findActive(hash()));
    }

    @Test
    void aRevokedTokenIsNoLongerFoundByItsHashButStillListedAsRevoked() {
        UserRef owner = user();
        ApiToken token = token(owner, "ci", T0);
        String hash = hash();
        store.add(token, hash);

        assertTrue(store.revoke(token.id(), T0.plusSeconds(5)));

        assertEquals(Optional.empty(), store.findActive(hash));
        assertEquals(T0.plusSeconds(5), store.find(token.id()).orElseThrow().revokedAt());
        assertTrue(store.listOf(owner.id()).getFirst().revoked());
        assertFalse(store.revoke(token.id(), T0.plusSeconds(9)), "revoked once");
        assertEquals(T0.plusSeconds(5), store.find(token.id()).orElseThrow().revokedAt(), "and kept its first time");
        assertFalse(store.revoke("tok-" + Ids.random(10), T0), "no such token");
    }

    @Test
    void aPersonsTokensAreListedNewestFirstAndNobodyElses() {
        UserRef owner = user();
        ApiToken older = token(owner, "old", T0);
        ApiToken newer = token(owner, "new", T0.plus(Duration.ofMinutes(1)));
        store.add(older, hash());
        store.add(newer, hash());
        store.add(token(user(), "someone else's", T0), hash());

        assertEquals(List.of(newer, older), store.listOf(owner.id()));
        assertTrue(store.listAll(1000).containsAll(List.of(newer, older)));
        assertEquals(1, store.listAll(1).size());
    }

    @Test
    void aHashIsNeverStoredTwice() {
        String hash = hash();
        store.add(token(user(), "first", T0), hash);

        assertThrows(StorageException.class, () -> store.add(token(user(), "second", T0), hash));
    }
}
