package dev.aiwizard.generator.interview;

import dev.aiwizard.core.spec.Slot;
import java.util.List;
import java.util.Map;

/**
 * Reads what any message may settle in passing, whatever was asked: an explicit name ("called shop-api"), a git
 * target, "read-only", a stack ("a node service", "in express"), or a data store no template offers (said so in a
 * note rather than ignored).
 */
final class MentionReader {
    private final Readers r;

    MentionReader(Readers readers) {
        this.r = readers;
    }

    /** Reads {@code text}; the slot just asked ({@code answered}, may be null) was read more carefully and is skipped. */
    void read(Draft d, String text, Slot answered) {
        if (answered != Slot.NAME) {
            NameReader.explicit(text).ifPresent(n -> d.update(d.spec().withName(n)));
        }
        if (answered != Slot.TARGET) {
            TargetReader.Answer target = TargetReader.inProse(text, r.defaultTarget());
            target.target().ifPresent(t -> d.update(d.spec().withTarget(t)));
            if (target.refused()) {
                d.note(r.texts().get("note.credentialsInTarget", "name", r.nameOrSuggestion(d.spec())));
            }
        }
        // "countries are read-only" marks Country; only a "read-only" that names nothing is about the whole API.
        String rest = ReadOnlyReader.inProse(d, text);
        if (answered != Slot.OPERATIONS) {
            OperationsReader.inProse(rest).ifPresent(ops -> d.update(d.spec().withOperations(ops)));
        }
        if (answered != Slot.STACK) {
            r.options().stackInProse(text).filter(s -> !s.id().equals(d.spec().stack()))
                    .ifPresent(s -> d.update(r.withStack(d.spec(), s)));
        }
        List<String> stores = r.catalog().persistenceOptions(d.spec().stack());
        r.options().unavailableStore(text, stores).ifPresent(store -> d.note(r.texts().get("note.unknownPersistence",
                Map.of("text", store, "options", String.join(", ", stores)))));
    }
}
