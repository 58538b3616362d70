package dev.aiwizard.core.testing;

import dev.aiwizard.core.StorageException;
import dev.aiwizard.core.chat.ThreadRef;
import dev.aiwizard.core.conversation.ConcurrentUpdateException;
import dev.aiwizard.core.conversation.Conversation;
import dev.aiwizard.core.conversation.ConversationId;
import dev.aiwizard.core.conversation.ConversationStore;
import dev.aiwizard.core.conversation.StoredMessage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A conversation store in memory, for unit tests of the engine. It refuses what the database refuses (a second
 * conversation in a thread, a value wider than its column) and then writes nothing, as a transaction would.
 */
public final class MemoryConversationStore implements ConversationStore {
    /** The width of the database's bounded text columns that a conversation and its messages fill. */
    private static final int COLUMN_WIDTH = 255;

    private final Map<ConversationId, Conversation> conversations = new LinkedHashMap<>();
    private final List<StoredMessage> messages = new ArrayList<>();
    private final List<String> audit = new ArrayList<>();
    private int failingWrites;
    private int conversationReads;
    private int eventChecks;

    /** How many times a conversation was read ({@link #find}, {@link #findByThread}) so far. */
    public synchronized int conversationReads() {
        return conversationReads;
    }

    /** How many times the store was asked whether an event was handled ({@link #eventHandled}) so far. */
    public synchronized int eventChecks() {
        return eventChecks;
    }

    /** The next {@code n} creates and saves fail as a database that is down would, storing nothing. */
    public synchronized void failNextWrites(int n) {
        failingWrites = n;
    }

    private void maybeFail() {
        if (failingWrites > 0) {
            failingWrites--;
            throw new StorageException("Could not save: the database is down (test)");
        }
    }

    private static void checkWidths(Conversation c, List<StoredMessage> messages) {
        fits(c.thread().channel(), "channel");
        fits(c.thread().thread(), "thread");
        fits(c.requester().id(), "requester id");
        fits(c.requester().displayName(), "requester name");
        fits(c.branch(), "branch");
        messages.forEach(m -> fits(m.userId(), "message user id"));
    }

    private static void fits(String value, String column) {
        if (value != null && value.length() > COLUMN_WIDTH) {
            throw new StorageException("Could not save: a " + column + " of " + value.length()
                    + " characters is wider than its column (" + COLUMN_WIDTH + ")");
        }
    }

    @Override
    public synchronized void create(Conversation c, List<StoredMessage> first, String eventKey) {
        if (inThread(c.thread()).isPresent()) {
            throw new StorageException("Could not create conversation " + c.id() + ": its thread holds one already");
        }
        checkWidths(c, first);
        maybeFail();
        recordWith(eventKey);
        conversations.put(c.id(), c);
        messages.addAll(first);
    }

    @Override
    public synchronized Conversation save(Conversation c, List<StoredMessage> more, String eventKey) {
        Conversation stored = conversations.get(c.id());
        if (stored == null || stored.version() != c.version()) {
            throw new ConcurrentUpdateException(c.id());
        }
        checkWidths(c, more);
        maybeFail();
        recordWith(eventKey);
        Conversation next = new Conversation(c.id(), c.thread(), c.requester(), c.idea(), c.state(), c.spec(),
                c.pending(), c.questionsAsked(), c.branch(), c.createdAt(), c.updatedAt(), c.version() + 1);
        conversations.put(c.id(), next);
        messages.addAll(more);
        return next;
    }

    @Override
    public synchronized void append(StoredMessage m) {
        messages.add(m);
    }

    @Override
    public synchronized Optional<Conversation> find(ConversationId id) {
        conversationReads++;
        return Optional.ofNullable(conversations.get(id));
    }

    @Override
    public synchronized Optional<Conversation> findByThread(ThreadRef thread) {
        conversationReads++;
        return inThread(thread);
    }

    private Optional<Conversation> inThread(ThreadRef thread) {
        return conversations.values().stream().filter(c -> c.thread().equals(thread)).findFirst();
    }

    private final java.util.Set<String> events = new java.util.HashSet<>();

    @Override
    public synchronized boolean recordEvent(String key) {
        return events.add(key);
    }

    private final Map<String, ConversationId> pullRequests = new java.util.HashMap<>();

    @Override
    public synchronized void recordPullRequest(ConversationId id, String repository, int number) {
        pullRequests.putIfAbsent(repository.toLowerCase(java.util.Locale.ROOT) + "#" + number, id);
    }

    @Override
    public synchronized Optional<Conversation> findByPullRequest(String repository, int number) {
        return Optional.ofNullable(pullRequests.get(repository.toLowerCase(java.util.Locale.ROOT) + "#" + number))
                .map(conversations::get);
    }

    @Override
    public synchronized boolean eventHandled(String key) {
        eventChecks++;
        return events.contains(key);
    }

    private void recordWith(String eventKey) {
        if (eventKey != null && !events.add(eventKey)) {
            throw new dev.aiwizard.core.conversation.DuplicateEventException(eventKey);
        }
    }

    @Override
    public synchronized List<Conversation> findByBranch(String branch) {
        return conversations.values().stream().filter(c -> branch.equals(c.branch()))
                .sorted(java.util.Comparator.comparing(Conversation::createdAt).reversed()).toList();
    }

    @Override
    public synchronized List<Conversation> listByChannel(String platform, String channel, int limit) {
        return conversations.values().stream()
                .filter(c -> c.thread().platform().equals(platform) && c.thread().channel().equals(channel))
                .sorted(Comparator.comparing(Conversation::createdAt).reversed()).limit(limit).toList();
    }

    @Override
    public synchronized List<Conversation> listOpen(String platform, int limit) {
        return conversations.values().stream()
                .filter(c -> c.thread().platform().equals(platform) && !c.state().isFinal())
                .sorted(Comparator.comparing(Conversation::createdAt).reversed()).limit(limit).toList();
    }

    @Override
    public synchronized List<Conversation> list(int limit, int offset) {
        return conversations.values().stream().sorted(Comparator.comparing(Conversation::createdAt).reversed())
                .skip(offset).limit(limit).toList();
    }

    @Override
    public synchronized List<StoredMessage> messages(ConversationId id) {
        return messages.stream().filter(m -> m.conversationId().equals(id)).toList();
    }

    @Override
    public synchronized void audit(ConversationId id, String event, String detail) {
        audit.add(id + " " + event + ": " + detail);
    }

    @Override
    public synchronized List<String> auditTrail(ConversationId id) {
        return audit.stream().filter(a -> a.startsWith(id + " ")).map(a -> a.substring(id.value().length() + 1)).toList();
    }
}
