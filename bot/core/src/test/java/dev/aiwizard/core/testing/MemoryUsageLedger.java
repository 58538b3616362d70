package dev.aiwizard.core.testing;

import dev.aiwizard.core.conversation.ConversationId;
import dev.aiwizard.core.job.ModelUsage;
import dev.aiwizard.core.job.UsageLedger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** A usage ledger in memory, for unit tests of the engine. */
public final class MemoryUsageLedger implements UsageLedger {
    private record Entry(ConversationId conversation, String userId, ModelUsage usage, Instant at) {
    }

    private final List<Entry> entries = new ArrayList<>();

    @Override
    public synchronized void record(ConversationId conversation, String userId, ModelUsage usage, Instant at) {
        entries.add(new Entry(conversation, userId, usage, at));
    }

    @Override
    public synchronized ModelUsage usedBy(String userId, Instant since) {
        return sum(e -> e.userId().equals(userId) && !e.at().isBefore(since));
    }

    @Override
    public synchronized ModelUsage usedIn(ConversationId conversation) {
        return sum(e -> e.conversation().equals(conversation));
    }

    private ModelUsage sum(Predicate<Entry> which) {
        return entries.stream().filter(which).map(Entry::usage).reduce(ModelUsage.NONE, ModelUsage::plus);
    }
}
