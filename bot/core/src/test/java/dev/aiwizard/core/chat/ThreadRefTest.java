package dev.aiwizard.core.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The one thread key: one string form, read back exactly, and the stored forms earlier versions wrote. */
class ThreadRefTest {
    @Test
    void aThreadKeyReadsBackAsTheSameThread() {
        for (ThreadRef t : new ThreadRef[] {
                new ThreadRef("slack", "C1", "1700000000.000200"),
                new ThreadRef("discord", "dm-42", "1234567890"),
                new ThreadRef("console", "terminal", "t-a:b:c")}) {
            assertEquals(t, ThreadRef.parse(t.key()), t.key());
        }
    }

    @Test
    void theKeyIsTheFormLocksWereAlwaysNamedWith() {
        // "thread:" + platform + ":" + channel + ":" + thread before there was a key: a lock taken by a replica of
        // the earlier version is the same lock.
        assertEquals("slack:C1:1700000000.000200", new ThreadRef("slack", "C1", "1700000000.000200").key());
    }

    @Test
    void theIndexMemberIsTheFormTheStoredThreadIndexHolds() {
        assertEquals("C1\u00001700000000.000200", new ThreadRef("slack", "C1", "1700000000.000200").indexMember());
    }

    @Test
    void aPlatformOrChannelWithTheSeparatorIsRefusedSoNoKeyIsAmbiguous() {
        assertThrows(IllegalArgumentException.class, () -> new ThreadRef("slack", "C1:x", "1"));
        assertThrows(IllegalArgumentException.class, () -> new ThreadRef("a:b", "C1", "1"));
    }

    @Test
    void somethingThatIsNoThreadKeyIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ThreadRef.parse("slack:C1"));
        assertThrows(IllegalArgumentException.class, () -> ThreadRef.parse("slack::1"));
    }
}
