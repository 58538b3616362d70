package dev.aiwizard.storage;

import static dev.aiwizard.storage.Fixtures.T0;
import static dev.aiwizard.storage.Fixtures.botSaid;
import static dev.aiwizard.storage.Fixtures.channel;
import static dev.aiwizard.storage.Fixtures.conversation;
import static dev.aiwizard.storage.Fixtures.said;
import static dev.aiwizard.storage.Fixtures.thread;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.core.StorageException;
import dev.aiwizard.core.chat.ThreadRef;
import dev.aiwizard.core.conversation.Author;
import dev.aiwizard.core.conversation.ConcurrentUpdateException;
import dev.aiwizard.core.conversation.Conversation;
import dev.aiwizard.core.conversation.ConversationEvent;
import dev.aiwizard.core.conversation.ConversationId;
import dev.aiwizard.core.conversation.ConversationState;
import dev.aiwizard.core.conversation.ConversationStateMachine;
import dev.aiwizard.core.conversation.ConversationStore;
import dev.aiwizard.core.conversation.DuplicateEventException;
import dev.aiwizard.core.conversation.StoredMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every {@link ConversationStore} promises. Each implementation runs it once per class against its own empty
 * store; tests use their own channels and threads, so they do not depend on each other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ConversationStoreContract {
    private ConversationStore store;

    /** The store under test, empty, opened once for the class. */
    protected abstract ConversationStore openStore();

    @BeforeAll
    void openTheStore() {
        store = openStore();
    }

    @Test
    void aCreatedConversationIsFoundByItsIdAndByItsThread() {
        Conversation c = conversation(T0).withSpec(Fixtures.spec(), T0).asking(Fixtures.question(), T0);
        store.create(c, List.of(said(c, c.idea(), T0)));

        assertEquals(c, store.find(c.id()).orElseThrow());
        assertEquals(c, store.findByThread(c.thread()).orElseThrow());
    }

    @Test
    void anUnknownConversationOrThreadIsNotFound() {
        assertTrue(store.find(ConversationId.random()).isEmpty());
        assertTrue(store.findByThread(thread(channel())).isEmpty());
    }

    @Test
    void aSaveStoresTheChangesAndMovesTheVersionOn() {
        Conversation c = conversation(T0);
        store.create(c, List.of());
        Instant later = T0.plusSeconds(5);
        Conversation changed = ConversationStateMachine.apply(c.withSpec(Fixtures.spec(), later)
                .asking(Fixtures.question(), later), ConversationEvent.SPEC_READY, later)
                .withBranch("wizard/todo-service", later);

        Conversation saved = store.save(changed, List.of(botSaid(c, "Here is the spec.", later)));

        assertEquals(1, saved.version());
        assertEquals(saved, store.find(c.id()).orElseThrow());
        Conversation cleared = store.save(saved.asking(null, later.plusSeconds(1)), List.of());
        assertEquals(2, cleared.version());
        assertEquals(null, store.find(c.id()).orElseThrow().pending());
    }

    @Test
    void anEventIsRecordedOnceAndEveryLaterRecordOfItIsRefused() throws Exception {
        String key = "event:slack:Ev" + ConversationId.random().value();

        java.util.List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < 4; i++) {
                results.add(pool.submit(() -> store.recordEvent(key)));
            }
        }
        long firsts = 0;
        for (var r : results) {
            firsts += r.get() ? 1 : 0;
        }

        assertEquals(1, firsts, "exactly one of four concurrent records wins");
        assertTrue(!store.recordEvent(key), "and it stays recorded");
        assertTrue(store.recordEvent(key + "-other"));
    }

    @Test
    void anEventCountsAsHandledOnlyWithTheWritesOfItsTurnAndADuplicateWritesNothing() {
        String key = "event:slack:Ev" + ConversationId.random().value();
        Conversation c = conversation(T0);
        assertFalse(store.eventHandled(key));

        store.create(c, List.of(said(c, "a todo service", T0)), key);
        assertTrue(store.eventHandled(key), "recorded with the conversation");

        String next = key + "-2";
        Conversation saved = store.save(c.asking(null, T0.plusSeconds(1)), List.of(botSaid(c, "Hi", T0)), next);
        assertTrue(store.eventHandled(next));
        assertThrows(DuplicateEventException.class, () -> store.save(saved, List.of(botSaid(c, "again", T0)), next));
        assertThrows(DuplicateEventException.class, () -> store.create(conversation(T0), List.of(), key));

        assertEquals(saved, store.find(c.id()).orElseThrow(), "the duplicate's save was not stored");
        assertEquals(2, store.messages(c.id()).size(), "nor its messages");
        assertFalse(store.recordEvent(next), "a recorded event is recorded for good");
    }

    @Test
    void aTurnThatFailsToCommitLeavesItsEventUnrecorded() {
        String key = "event:slack:Ev" + ConversationId.random().value();
        Conversation c = conversation(T0);
        store.create(c, List.of());

        Conversation stale = c.asking(null, T0.plusSeconds(1));
        store.save(stale, List.of());
        assertThrows(ConcurrentUpdateException.class, () -> store.save(stale, List.of(), key));

        assertFalse(store.eventHandled(key), "the retry of the event is not a duplicate");
    }

    @Test
    void aConversationIsFoundByTheBranchItsCodeIsOn() {
        String branch = "wizard/todo-service-" + ConversationId.random().value().substring(2);
        Conversation c = conversation(T0);
        store.create(c, List.of());
        store.save(c.withBranch(branch, T0.plusSeconds(1)), List.of());

        assertEquals(List.of(c.id()), store.findByBranch(branch).stream().map(Conversation::id).toList());
        assertTrue(store.findByBranch(branch + "-other").isEmpty());
    }

    @Test
    void aConversationIsFoundByThePullRequestItsDeliveryOpenedAndNotByAnotherRepositorysNumber() {
        String repo = "acme/todo-" + ConversationId.random().value().substring(2);
        Conversation c = conversation(T0);
        Conversation other = conversation(T0);
        store.create(c, List.of());
        store.create(other, List.of());

        store.recordPullRequest(c.id(), repo, 7);
        store.recordPullRequest(other.id(), repo, 7);

        assertEquals(c.id(), store.findByPullRequest(repo.toUpperCase(java.util.Locale.ROOT), 7).orElseThrow().id(),
                "GitHub compares repository names without case; the first record stands");
        assertTrue(store.findByPullRequest(repo, 8).isEmpty());
        assertTrue(store.findByPullRequest("mallory/" + repo.substring(5), 7).isEmpty(), "a fork's number is its own");
    }

    @Test
    void aSaveFromAStaleVersionIsRefusedAndChangesNothing() {
        Conversation c = conversation(T0);
        store.create(c, List.of(said(c, "first", T0)));
        Conversation read = store.find(c.id()).orElseThrow();
        store.save(ConversationStateMachine.apply(read, ConversationEvent.CANCEL_REQUESTED, T0.plusSeconds(1)),
                List.of(botSaid(c, "Cancelled.", T0)));

        assertThrows(ConcurrentUpdateException.class, () -> store.save(
                ConversationStateMachine.apply(read, ConversationEvent.SPEC_READY, T0.plusSeconds(2)),
                List.of(said(c, "late", T0))));

        assertEquals(ConversationState.CANCELLED, store.find(c.id()).orElseThrow().state());
        assertEquals(List.of("first", "Cancelled."), texts(store.messages(c.id())));
    }

    @Test
    void ofManyWritersSavingTheSameVersionExactlyOneWins() throws Exception {
        Conversation c = conversation(T0);
        store.create(c, List.of());
        int writers = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Boolean>> saves = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            String text = "answer " + i;
            saves.add(() -> {
                start.await();
                try {
                    store.save(c.withBranch("b" + text.hashCode(), T0), List.of(said(c, text, T0)));
                    return true;
                } catch (ConcurrentUpdateException e) {
                    return false;
                }
            });
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
            List<Future<Boolean>> results = saves.stream().map(pool::submit).toList();
            start.countDown();
            long winners = 0;
            for (Future<Boolean> r : results) {
                winners += r.get() ? 1 : 0;
            }
            assertEquals(1, winners);
        }
        assertEquals(1, store.find(c.id()).orElseThrow().version());
        assertEquals(1, store.messages(c.id()).size());
    }

    @Test
    void messagesComeBackInTheOrderTheyWereStored() {
        Conversation c = conversation(T0);
        store.create(c, List.of(said(c, "an idea", T0), botSaid(c, "What does it manage?", T0)));
        Conversation saved = store.save(c, List.of(said(c, "tasks with a title — and “quotes” 😀", T0.plusSeconds(1)),
                botSaid(c, "Which fields?", T0.plusSeconds(1))));
        store.append(said(saved, "title and done", T0.plusSeconds(2)));

        List<StoredMessage> messages = store.messages(c.id());

        assertEquals(List.of("an idea", "What does it manage?", "tasks with a title — and “quotes” 😀",
                "Which fields?", "title and done"), texts(messages));
        assertEquals(said(c, "an idea", T0), messages.getFirst());
        assertEquals(T0.plusSeconds(2), messages.getLast().at());
    }

    @Test
    void aSaveThatFailsHalfwayLeavesNothingWritten() {
        Conversation c = conversation(T0);
        store.create(c, List.of(said(c, "an idea", T0)));
        StoredMessage fine = said(c, "this one alone would be fine", T0);
        // A user id far longer than any platform's makes the database refuse the second row.
        StoredMessage refused = new StoredMessage(c.id(), Author.USER, "U".repeat(5000),
                "refused", T0);

        assertThrows(StorageException.class, () -> store.save(
                ConversationStateMachine.apply(c, ConversationEvent.SPEC_READY, T0), List.of(fine, refused)));

        Conversation stored = store.find(c.id()).orElseThrow();
        assertEquals(ConversationState.QUESTIONING, stored.state());
        assertEquals(0, stored.version());
        assertEquals(List.of("an idea"), texts(store.messages(c.id())));
    }

    @Test
    void aCreateThatFailsHalfwayLeavesNoConversation() {
        Conversation c = conversation(T0);
        StoredMessage refused = new StoredMessage(c.id(), Author.USER, "U".repeat(5000),
                "refused", T0);

        assertThrows(StorageException.class, () -> store.create(c, List.of(said(c, "an idea", T0), refused)));

        assertTrue(store.find(c.id()).isEmpty());
        assertTrue(store.messages(c.id()).isEmpty());
    }

    @Test
    void aThreadHoldsOnlyOneConversation() {
        ThreadRef thread = thread(channel());
        Conversation first = conversation(thread, T0);
        store.create(first, List.of());

        assertThrows(StorageException.class, () -> store.create(conversation(thread, T0.plusSeconds(1)), List.of()));

        assertEquals(first.id(), store.findByThread(thread).orElseThrow().id());
    }

    @Test
    void aChannelListsItsOwnConversationsNewestFirst() {
        String channel = channel();
        Conversation oldest = conversation(thread(channel), T0);
        Conversation middle = conversation(thread(channel), T0.plusSeconds(60));
        Conversation newest = conversation(thread(channel), T0.plusSeconds(120));
        Conversation elsewhere = conversation(thread(channel()), T0.plusSeconds(90));
        for (Conversation c : List.of(middle, elsewhere, newest, oldest)) {
            store.create(c, List.of());
        }

        assertEquals(List.of(newest.id(), middle.id(), oldest.id()), ids(store.listByChannel("slack", channel, 10)));
        assertEquals(List.of(newest.id(), middle.id()), ids(store.listByChannel("slack", channel, 2)));
        assertTrue(store.listByChannel("discord", channel, 10).isEmpty());
    }

    @Test
    void openConversationsOfOnePlatformAreListedNewestFirst() {
        String platform = "p" + channel().toLowerCase(java.util.Locale.ROOT);
        Conversation questioning = conversation(new ThreadRef(platform, channel(), "t1"), T0);
        Conversation open = ConversationStateMachine.apply(conversation(new ThreadRef(platform, channel(), "t2"),
                T0.plusSeconds(60)), ConversationEvent.JOB_DELIVERED, T0.plusSeconds(61));
        Conversation merged = ConversationStateMachine.apply(conversation(new ThreadRef(platform, channel(), "t3"),
                T0.plusSeconds(120)), ConversationEvent.PULL_REQUEST_MERGED, T0.plusSeconds(121));
        Conversation cancelled = ConversationStateMachine.apply(conversation(new ThreadRef(platform, channel(), "t4"),
                T0.plusSeconds(180)), ConversationEvent.CANCEL_REQUESTED, T0.plusSeconds(181));
        Conversation otherPlatform = conversation(T0.plusSeconds(240));
        for (Conversation c : List.of(questioning, open, merged, cancelled, otherPlatform)) {
            store.create(c, List.of());
        }

        assertEquals(List.of(open.id(), questioning.id()), ids(store.listOpen(platform, 10)));
        assertEquals(List.of(open.id()), ids(store.listOpen(platform, 1)));
    }

    @Test
    void allConversationsArePagedNewestFirst() {
        Instant future = T0.plus(Duration.ofDays(3650));
        List<Conversation> mine = List.of(conversation(future), conversation(future.plusSeconds(1)),
                conversation(future.plusSeconds(2)));
        mine.forEach(c -> store.create(c, List.of()));

        List<ConversationId> all = ids(store.list(1000, 0));
        List<ConversationId> expected = List.of(mine.get(2).id(), mine.get(1).id(), mine.get(0).id());
        assertEquals(expected, all.stream().filter(expected::contains).toList());
        assertEquals(all.subList(1, 3), ids(store.list(2, 1)));
        assertTrue(store.list(0, 0).isEmpty());
    }

    @Test
    void theAuditTrailKeepsEventsOldestFirst() {
        Conversation c = conversation(T0);
        store.create(c, List.of());
        store.audit(c.id(), "started", "by U123 on slack");
        store.audit(c.id(), "state", "AWAITING_APPROVAL");
        store.audit(c.id(), "job-queued", "j-abcd GENERATE");

        assertEquals(List.of("started: by U123 on slack", "state: AWAITING_APPROVAL", "job-queued: j-abcd GENERATE"),
                store.auditTrail(c.id()));
        assertTrue(store.auditTrail(ConversationId.random()).isEmpty());
    }

    @Test
    void timesKeepAtLeastMillisecondPrecision() {
        Instant precise = Instant.parse("2026-03-01T10:15:30.123456789Z");
        Conversation c = conversation(precise);
        store.create(c, List.of(said(c, "hi", precise)));

        Conversation found = store.find(c.id()).orElseThrow();
        assertEquals(precise.truncatedTo(ChronoUnit.MILLIS), found.createdAt().truncatedTo(ChronoUnit.MILLIS));
        assertEquals(precise.truncatedTo(ChronoUnit.MILLIS),
                store.messages(c.id()).getFirst().at().truncatedTo(ChronoUnit.MILLIS));
        assertFalse(found.updatedAt().isAfter(precise));
    }

    private static List<String> texts(List<StoredMessage> messages) {
        return messages.stream().map(StoredMessage::text).toList();
    }

    private static List<ConversationId> ids(List<Conversation> conversations) {
        return conversations.stream().map(Conversation::id).toList();
    }
}
