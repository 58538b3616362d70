package dev.aiwizard.storage;

import static dev.aiwizard.storage.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.core.Ids;
import dev.aiwizard.core.access.WebSession;
import dev.aiwizard.core.access.WebSessionStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What every {@link WebSessionStore} promises. Each test uses fresh hashes and logins. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WebSessionStoreContract {
    private WebSessionStore store;

    /** The store under test, opened once for the class. */
    protected abstract WebSessionStore openStore();

    @BeforeAll
    void openTheStore() {
        store = openStore();
    }

    private static String hash() {
        return Ids.random(32) + Ids.random(32);
    }

    private static WebSession session(Instant from, Duration lasts) {
        String login = "user-" + Ids.random(8);
        return new WebSession(login, "Person " + login, "github", "csrf-" + Ids.random(16), from, from.plus(lasts));
    }

    @Test
    void aStoredSessionIsFoundByItsHashWhileItHolds() {
        String hash = hash();
        WebSession s = session(T0, Duration.ofHours(8));
        store.add(hash, s);

        assertEquals(Optional.of(s), store.find(hash, T0.plusSeconds(60)));
        assertEquals(Optional.empty(), store.find(hash(), T0.plusSeconds(60)), "another hash finds nothing");
    }

    @Test
    void aSessionPastItsEndIsNotFound() {
        String hash = hash();
        store.add(hash, session(T0, Duration.ofHours(1)));

        assertEquals(Optional.empty(), store.find(hash, T0.plus(Duration.ofHours(1))));
    }

    @Test
    void aRemovedSessionIsNotFoundAnyMore() {
        String hash = hash();
        store.add(hash, session(T0, Duration.ofHours(8)));

        store.remove(hash);
        store.remove(hash); // twice is nothing

        assertEquals(Optional.empty(), store.find(hash, T0.plusSeconds(1)));
    }

    @Test
    void aHashCannotBeTakenTwice() {
        String hash = hash();
        store.add(hash, session(T0, Duration.ofHours(8)));

        assertThrows(RuntimeException.class, () -> store.add(hash, session(T0, Duration.ofHours(8))));
    }

    @Test
    void endedSessionsAreForgottenAndHeldOnesKept() {
        Instant far = T0.plus(Duration.ofDays(3650));
        String ended = hash();
        String held = hash();
        store.add(ended, session(far, Duration.ofMinutes(1)));
        store.add(held, session(far, Duration.ofDays(2)));

        assertTrue(store.removeExpired(far.plus(Duration.ofHours(1))) >= 1);

        assertEquals(Optional.empty(), store.find(ended, far));
        assertTrue(store.find(held, far.plus(Duration.ofHours(1))).isPresent());
    }
}
