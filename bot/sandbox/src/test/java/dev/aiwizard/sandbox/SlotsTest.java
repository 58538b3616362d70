package dev.aiwizard.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class SlotsTest {
    @Test
    void runsBeyondTheSlotsWaitInLineAndHearTheirPlaceMoveUp() throws Exception {
        Slots slots = new Slots(1);
        Slots.Held first = slots.acquire(place -> { });
        List<String> second = new CopyOnWriteArrayList<>();
        List<String> third = new CopyOnWriteArrayList<>();
        CountDownLatch secondIn = new CountDownLatch(1);
        CountDownLatch secondRelease = new CountDownLatch(1);
        Thread t2 = Thread.ofVirtual().start(() -> hold(slots, second, secondIn, secondRelease));
        awaitSize(second, 1);
        Thread t3 = Thread.ofVirtual().start(() -> hold(slots, third, null, null));
        awaitSize(third, 1);

        first.close();
        secondIn.await();
        awaitSize(third, 2);
        secondRelease.countDown();
        t2.join();
        t3.join();

        assertEquals(List.of("1st"), second);
        assertEquals(List.of("2nd", "1st"), third);
        assertEquals(0, slots.busy());
    }

    @Test
    void ordinalsReadAsEnglish() {
        assertEquals(List.of("1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "102nd"),
                List.of(1, 2, 3, 4, 11, 12, 13, 21, 102).stream().map(Slots::ordinal).toList());
    }

    /** Takes a slot, telling {@code heard} its places; holds it until {@code release} opens (if given). */
    private static void hold(Slots slots, List<String> heard, CountDownLatch in, CountDownLatch release) {
        try (Slots.Held held = slots.acquire(place -> heard.add(Slots.ordinal(place)))) {
            if (in != null) {
                in.countDown();
            }
            if (release != null) {
                release.await();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitSize(List<String> list, int size) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (list.size() < size && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(size, list.size(), list::toString);
    }
}
