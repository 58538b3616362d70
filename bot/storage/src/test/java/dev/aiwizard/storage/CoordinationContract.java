package dev.aiwizard.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.core.coordination.Coordination;
import dev.aiwizard.core.coordination.RateDecision;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Coordination} promises (its locks' promises come from {@link CoordinationLocksContract}), with
 * short time-to-lives and windows so the suite stays fast. Each test uses fresh keys, so the tests do not depend on
 * each other.
 */
abstract class CoordinationContract extends CoordinationLocksContract {

    @Test
    void ofManyThreadsSeeingTheSameEventExactlyOneSeesItFirst() throws Exception {
        String key = key("event");
        List<Boolean> answers = race(16, () -> coordination().firstSeen(key, LONG));

        assertEquals(1, answers.stream().filter(first -> first).count());
        assertTrue(coordination().firstSeen(key("other-event"), LONG));
    }

    @Test
    void lookingAnEventUpRecordsNothing() {
        String key = key("event");
        assertFalse(coordination().seen(key));
        assertFalse(coordination().seen(key), "asking twice does not make it seen");

        assertTrue(coordination().firstSeen(key, LONG));

        assertTrue(coordination().seen(key));
    }

    @Test
    void anEventIsNewAgainOnceItsTimeToLivePassed() throws Exception {
        String key = key("event");
        assertTrue(coordination().firstSeen(key, Duration.ofMillis(150)));
        assertTrue(coordination().seen(key));
        assertFalse(coordination().firstSeen(key, Duration.ofMillis(150)));

        Thread.sleep(300);

        assertTrue(coordination().firstSeen(key, Duration.ofMillis(150)));
    }

    @Test
    void aRateLimitAllowsTheLimitThenDeniesWithATimeToRetry() {
        String key = key("user");
        for (int i = 0; i < 3; i++) {
            assertTrue(coordination().tryAcquire(key, 3, Duration.ofMinutes(1)).allowed(), "use " + (i + 1));
        }

        RateDecision denied = coordination().tryAcquire(key, 3, Duration.ofMinutes(1));

        assertFalse(denied.allowed());
        assertTrue(denied.retryAfter().compareTo(Duration.ZERO) > 0, "retry after " + denied.retryAfter());
        assertTrue(denied.retryAfter().compareTo(Duration.ofMinutes(1)) <= 0, "retry after " + denied.retryAfter());
        assertTrue(coordination().tryAcquire(key("another-user"), 3, Duration.ofMinutes(1)).allowed());
    }

    @Test
    void aRateLimitCountsConcurrentUsesExactly() throws Exception {
        String key = key("user");
        List<Boolean> allowed = race(12, () -> coordination().tryAcquire(key, 5, Duration.ofMinutes(1)).allowed());

        assertEquals(5, allowed.stream().filter(a -> a).count());
    }

    @Test
    void aRateLimitAllowsAgainOnceTheWindowSlidPast() throws Exception {
        String key = key("user");
        Duration window = Duration.ofMillis(300);
        assertTrue(coordination().tryAcquire(key, 1, window).allowed());
        RateDecision denied = coordination().tryAcquire(key, 1, window);
        assertFalse(denied.allowed());

        Thread.sleep(denied.retryAfter().toMillis() + 50);

        assertTrue(coordination().tryAcquire(key, 1, window).allowed());
    }

    @Test
    void aSetAnswersMembershipForSeveralMembersAtOnce() {
        String set = "threads-" + UUID.randomUUID();
        assertEquals(List.of(false, false), coordination().inSet(set, List.of("a", "b")), "an unknown set is empty");

        coordination().addToSet(set, List.of("a", "c"));
        coordination().addToSet(set, List.of("a"));

        assertEquals(List.of(true, false, true), coordination().inSet(set, List.of("a", "b", "c")));
        assertEquals(List.of(false), coordination().inSet("other-" + set, List.of("a")), "sets are separate");
    }

    @Test
    void itReportsItselfHealthy() {
        assertTrue(coordination().isHealthy());
    }
}
