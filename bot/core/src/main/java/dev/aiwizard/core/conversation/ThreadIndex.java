package dev.aiwizard.core.conversation;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.chat.ThreadRef;
import dev.aiwizard.core.coordination.Coordination;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which thread holds which conversation: the look-ups that decide between continuing a conversation and starting one,
 * and a fast index of conversation threads in the coordination store. The index answers "surely none here" without
 * the database, which matters because most messages chat adapters hear are in threads without a conversation.
 */
final class ThreadIndex {
    private static final System.Logger LOG = System.getLogger(ThreadIndex.class.getName());
    /** A member of a platform's index meaning: every conversation thread is listed. */
    private static final String INDEX_COMPLETE = "\u0000complete";
    private static final int REBUILD_PAGE = 500;

    private final ConversationStore store;
    private final Coordination coordination;
    /** Platforms whose index is being rebuilt right now. */
    private final Set<String> rebuilding = ConcurrentHashMap.newKeySet();

    ThreadIndex(ConversationStore store, Coordination coordination) {
        this.store = requireNonNull(store, "store");
        this.coordination = requireNonNull(coordination, "coordination");
    }

    /** The conversation held in {@code thread}, if any: the turn's one read of it. */
    Optional<Conversation> find(ThreadRef thread) {
        return store.findByThread(thread);
    }

    /** The newest conversation in the channel that is not over, where a platform has no threads (DMs). */
    Optional<Conversation> latestUnfinished(String platform, String channel) {
        return store.latestUnfinished(platform, channel);
    }

    /**
     * Lists {@code thread} as one that holds a conversation. Called before the conversation is stored: a thread listed
     * without a conversation only costs a database look-up, while one missing from a complete index would be ignored.
     */
    void add(ThreadRef thread) {
        addAll(thread.platform(), List.of(thread));
    }

    /**
     * For each of {@code threads} (one platform), whether it may hold a conversation: false means it surely holds
     * none. One round trip to the coordination store, no database. Until a lost index has been rebuilt from the
     * database (in the background), and whenever the coordination store fails, every answer is true.
     */
    List<Boolean> mayHold(List<ThreadRef> threads) {
        if (threads.isEmpty()) {
            return List.of();
        }
        String platform = threads.getFirst().platform();
        if (threads.stream().anyMatch(t -> !t.platform().equals(platform))) {
            throw new IllegalArgumentException("threads of one platform only");
        }
        List<Boolean> maybe = threads.stream().map(t -> true).toList();
        try {
            List<String> keys = new ArrayList<>(threads.stream().map(ThreadRef::indexMember).toList());
            keys.add(INDEX_COMPLETE);
            List<Boolean> known = coordination.inSet(indexOf(platform), keys);
            if (known.getLast()) {
                return known.subList(0, threads.size());
            }
            rebuildInBackground(platform);
            return maybe;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "thread index unavailable, asking the database: " + e.getMessage());
            return maybe;
        }
    }

    private void rebuildInBackground(String platform) {
        if (rebuilding.add(platform)) {
            Thread.ofVirtual().name("thread-index-" + platform).start(() -> {
                try {
                    rebuild(platform);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "could not rebuild the thread index: " + e.getMessage());
                } finally {
                    rebuilding.remove(platform);
                }
            });
        }
    }

    /** Lists every stored conversation thread of {@code platform}, then marks the index complete. */
    private void rebuild(String platform) {
        int offset = 0;
        int count = 0;
        while (true) {
            List<Conversation> batch = store.list(REBUILD_PAGE, offset);
            List<ThreadRef> threads = batch.stream().map(Conversation::thread)
                    .filter(t -> t.platform().equals(platform)).toList();
            addAll(platform, threads);
            count += threads.size();
            if (batch.size() < REBUILD_PAGE) {
                break;
            }
            offset += REBUILD_PAGE;
        }
        coordination.addToSet(indexOf(platform), List.of(INDEX_COMPLETE));
        LOG.log(System.Logger.Level.INFO, "rebuilt the index of " + count + " conversation thread(s) on " + platform);
    }

    private void addAll(String platform, List<ThreadRef> threads) {
        if (!threads.isEmpty()) {
            coordination.addToSet(indexOf(platform), threads.stream().map(ThreadRef::indexMember).toList());
        }
    }

    private static String indexOf(String platform) {
        return "threads:" + platform;
    }
}
