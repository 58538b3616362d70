package dev.aiwizard.core.testing;

import dev.aiwizard.core.conversation.ConversationId;
import dev.aiwizard.core.request.JobRequestLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The job request log in memory, for unit tests; keeps the port's contract (run by the storage module's tests). */
public final class MemoryJobRequestLog implements JobRequestLog {
    private record Entry(String key, ConversationId conversation, Instant at, long seq) {
    }

    private final List<Entry> entries = new ArrayList<>();

    @Override
    public synchronized void record(String key, ConversationId conversation, Instant at) {
        entries.add(new Entry(key, conversation, at, entries.size()));
    }

    @Override
    public synchronized List<ConversationId> since(String key, Instant since, int limit) {
        return entries.stream().filter(e -> e.key().equals(key) && !e.at().isBefore(since))
                .sorted(Comparator.comparing(Entry::at).thenComparing(Entry::seq).reversed())
                .map(Entry::conversation).limit(limit).toList();
    }
}
