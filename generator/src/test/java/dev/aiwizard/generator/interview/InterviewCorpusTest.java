package dev.aiwizard.generator.interview;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.core.conversation.InterviewStep;
import dev.aiwizard.core.conversation.Question;
import dev.aiwizard.core.spec.Entity;
import dev.aiwizard.core.spec.Field;
import dev.aiwizard.core.spec.Operation;
import dev.aiwizard.core.spec.Slot;
import dev.aiwizard.core.spec.Spec;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Runs every case of {@code corpus.txt} through the offline interviewer and compares the spec's entities, fields,
 * types and relations with what the case expects. The corpus was written before the interviewer learnt it; the share
 * that passes is the interviewer's score, and it must stay at the target.
 */
class InterviewCorpusTest {
    private static final double TARGET = 0.95;

    private final OfflineInterviewer interviewer = new OfflineInterviewer();

    @Test
    void theCorpusHasSixtyIdeasAndFortyAnswersOrChanges() {
        List<Corpus.Case> cases = Corpus.read();
        long ideas = cases.stream().filter(Corpus.Case::isIdeaOnly).count();
        assertTrue(ideas >= 60, "ideas: " + ideas);
        assertTrue(cases.size() - ideas >= 40, "answers and changes: " + (cases.size() - ideas));
    }

    @Test
    void theInterviewerReadsAtLeastNinetyFivePercentOfTheCorpusRight() {
        List<Corpus.Case> cases = Corpus.read();
        List<String> failures = new ArrayList<>();
        for (Corpus.Case c : cases) {
            mismatch(c).ifPresent(m -> failures.add(c.label() + "\n      " + m));
        }
        double share = 1.0 - (double) failures.size() / cases.size();
        String report = String.format(Locale.ROOT, "corpus: %d of %d cases right (%.1f %%)", cases.size() - failures.size(),
                cases.size(), share * 100);
        System.out.println(report + (failures.isEmpty() ? "" : "\n  " + String.join("\n  ", failures)));
        assertTrue(share >= TARGET, () -> report + "; wrong:\n  " + String.join("\n  ", failures));
    }

    /** What is wrong with the spec the case gives, or empty when it is what the case expects. */
    private Optional<String> mismatch(Corpus.Case c) {
        InterviewStep step;
        try {
            step = run(c);
        } catch (RuntimeException e) {
            return Optional.of("threw " + e);
        }
        Spec spec = step.spec();
        if (c.expected() == null) {
            // One focused question with choices to pick, not an open one and not an invented entity.
            boolean asks = step instanceof InterviewStep.Ask ask && ask.question().slot() == Slot.ENTITIES
                    && ask.question().choices().size() >= 2;
            return asks && spec.entities().isEmpty() ? Optional.empty()
                    : Optional.of("expected a question about entities with choices, got " + show(spec.entities()));
        }
        if (!same(c.expected(), spec.entities())) {
            return Optional.of("expected " + show(c.expected()) + "\n      got      " + show(spec.entities()));
        }
        for (String word : c.assumed()) {
            if (spec.assumptions().stream().noneMatch(a -> a.toLowerCase(Locale.ROOT).contains(word))) {
                return Optional.of("no assumption mentions '" + word + "': " + spec.assumptions());
            }
        }
        return Optional.empty();
    }

    private InterviewStep run(Corpus.Case c) {
        if (c.idea() != null) {
            InterviewStep first = interviewer.step(Spec.empty(), null, c.idea(), 6);
            if (c.answer() == null) {
                return first;
            }
            return interviewer.step(first.spec(), question(c.answerSlot()), c.answer(), 5);
        }
        Spec given = new Spec("corpus-app", "An app from the corpus.", c.given(), EnumSet.allOf(Operation.class),
                "java-rest", "in-memory", "local", List.of());
        if (c.change() != null) {
            return interviewer.step(given, null, c.change(), 3);
        }
        return interviewer.step(given, question(c.answerSlot()), c.answer(), 3);
    }

    private static Question question(Slot slot) {
        return new Question(slot, "The question about " + slot + ".", List.of(), 3);
    }

    private static boolean same(List<Entity> expected, List<Entity> actual) {
        return index(expected).equals(index(actual));
    }

    private static Map<String, Set<Field>> index(List<Entity> entities) {
        // The read-only mark of an entity is kept with its fields, so a missing or extra mark is a mismatch.
        return entities.stream().collect(Collectors.toMap(e -> e.name() + (e.readOnly() ? "!" : ""),
                e -> new HashSet<>(e.fields()), (a, b) -> a));
    }

    private static String show(List<Entity> entities) {
        return entities.stream().map(e -> e.name() + "(" + e.fields().stream().map(InterviewCorpusTest::show)
                .collect(Collectors.joining(", ")) + ")" + (e.readOnly() ? " read-only" : "")).collect(Collectors.joining(" "));
    }

    private static String show(Field f) {
        if (f.readOnly()) {
            return show(f.withReadOnly(false)) + " read-only";
        }
        if (f.isReference()) {
            return f.name() + "->" + f.references();
        }
        if (!f.values().isEmpty()) {
            return f.name() + ":" + String.join("|", f.values());
        }
        String range = f.min() != null || f.max() != null ? " " + f.min() + ".." + f.max() : "";
        return f.name() + (f.type().label().equals("text") ? "" : ":" + f.type().label()) + range;
    }
}
