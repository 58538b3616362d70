package dev.aiwizard.core.testing;

import dev.aiwizard.core.conversation.ConversationId;
import dev.aiwizard.core.job.ModelUsage;
import dev.aiwizard.core.job.UsageLedger;
import dev.aiwizard.core.job.UsageTotal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/** A usage ledger in memory, for unit tests of the engine. */
public final class MemoryUsageLedger implements UsageLedger {
    private record Entry(ConversationId conversation, String userId, String model, ModelUsage usage, Instant at) {
    }

    private final List<Entry> entries = new ArrayList<>();

    @Override
    public synchronized void record(ConversationId conversation, String userId, String model, ModelUsage usage,
                                    Instant at) {
        entries.add(new Entry(conversation, userId, model, usage, at));
    }

    @Override
    public synchronized ModelUsage usedBy(String userId, Instant since) {
        return sum(e -> e.userId().equals(userId) && !e.at().isBefore(since));
    }

    @Override
    public synchronized ModelUsage usedIn(ConversationId conversation) {
        return sum(e -> e.conversation().equals(conversation));
    }

    @Override
    public synchronized List<UsageTotal> totals(Instant since) {
        Map<List<String>, ModelUsage> sums = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0))
                .thenComparing(k -> k.get(1)));
        entries.stream().filter(e -> !e.at().isBefore(since)).forEach(e -> sums.merge(List.of(e.userId(),
                e.model()), e.usage(), ModelUsage::plus));
        return sums.entrySet().stream().map(e -> new UsageTotal(e.getKey().get(0), e.getKey().get(1), e.getValue()))
                .toList();
    }

    private ModelUsage sum(Predicate<Entry> which) {
        return entries.stream().filter(which).map(Entry::usage).reduce(ModelUsage.NONE, ModelUsage::plus);
    }
}
