package dev.aiwizard.core.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The one retry policy: backoff that doubles, the server's Retry-After first, and no wait past the maximum. */
class RetryPolicyTest {
    private final RetryPolicy policy = new RetryPolicy(4, Duration.ofMillis(10), Duration.ofSeconds(30));
    private final List<Duration> waits = new ArrayList<>();
    private final Sleeper recording = waits::add;
    private final AtomicInteger calls = new AtomicInteger();

    private String failing(int times, Duration retryAfter) {
        if (calls.incrementAndGet() <= times) {
            throw new RetryPolicy.TryAgain("down (503)", retryAfter, new IllegalStateException("503"));
        }
        return "ok";
    }

    private static RuntimeException gaveUp(RetryPolicy.GiveUp g) {
        return new IllegalStateException(g.last().getMessage() + " after " + g.attempts() + ", refused "
                + g.refusedWait());
    }

    @Test
    void failuresAreRetriedAfterABackoffThatDoubles() throws Exception {
        assertEquals("ok", policy.call(recording, () -> failing(3, null), RetryPolicyTest::gaveUp));
        assertEquals(List.of(Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(40)), waits);
    }

    @Test
    void theWaitTheServerAskedForComesFirst() throws Exception {
        assertEquals("ok", policy.call(recording, () -> failing(1, Duration.ofSeconds(2)), RetryPolicyTest::gaveUp));
        assertEquals(List.of(Duration.ofSeconds(2)), waits);
    }

    @Test
    void theCallIsGivenUpWhenTheAttemptsAreUsed() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> policy.call(recording, () -> failing(9, null), RetryPolicyTest::gaveUp));
        assertEquals("down (503) after 4, refused null", e.getMessage());
        assertEquals(4, calls.get());
    }

    @Test
    void aWaitLongerThanTheMaximumIsNotTaken() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> policy.call(recording, () -> failing(9, Duration.ofMinutes(5)), RetryPolicyTest::gaveUp));
        assertEquals("down (503) after 1, refused PT5M", e.getMessage());
        assertEquals(List.of(), waits, "nothing waited");
    }

    @Test
    void anythingButTryAgainEndsTheCallAsItIs() {
        IllegalArgumentException refused = new IllegalArgumentException("bad key (401)");
        assertSame(refused, assertThrows(IllegalArgumentException.class, () -> policy.call(recording, () -> {
            calls.incrementAndGet();
            throw refused;
        }, RetryPolicyTest::gaveUp)));
        assertEquals(1, calls.get());
    }
}
