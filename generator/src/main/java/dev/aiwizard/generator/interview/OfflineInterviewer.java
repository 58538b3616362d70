package dev.aiwizard.generator.interview;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.conversation.InterviewStep;
import dev.aiwizard.core.conversation.Interviewer;
import dev.aiwizard.core.conversation.Question;
import dev.aiwizard.core.spec.Slot;
import dev.aiwizard.core.spec.Spec;
import dev.aiwizard.generator.stack.StackCatalog;
import dev.aiwizard.core.spec.Names;
import dev.aiwizard.generator.text.Inflector;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Rule-based {@link Interviewer}: fills the spec from the idea and answers, asking the most valuable open slot first. */
public final class OfflineInterviewer implements Interviewer {
    private static final Set<String> SKIP = Set.of("skip", "skip all", "skip the rest", "skip rest", "use defaults",
            "use the defaults", "just build it", "build it", "defaults for the rest");
    private static final Set<String> YOU_CHOOSE = Set.of("you choose", "your choice", "default", "defaults",
            "the default", "whatever", "any", "anything", "don't care", "dont care", "doesn't matter", "does not matter",
            "up to you", "you decide", "idk", "dunno", "no idea", "not sure", "no preference", "surprise me", "none",
            "nothing", "n/a");

    private final Readers readers;
    private final AnswerReader answers;
    private final MentionReader mentions;
    private final ChangeReader changes;
    private final Defaults defaults;
    private final QuestionPlanner planner;

    /** An interviewer offering the stacks the built-in generator supports. */
    public OfflineInterviewer() {
        this(StackCatalog.builtIn());
    }

    /** An interviewer offering the stacks of {@code catalog}, with the bot's own repositories as the default target. */
    public OfflineInterviewer(StackCatalog catalog) {
        this(catalog, TargetReader.LOCAL);
    }

    /**
     * An interviewer offering the stacks of {@code catalog}; {@code defaultTarget} (WIZARD_TARGET) is where code goes
     * when nobody says otherwise, and what "default" means as an answer.
     */
    public OfflineInterviewer(StackCatalog catalog, String defaultTarget) {
        this.readers = Readers.create(requireNonNull(catalog, "catalog"), requireNonNull(defaultTarget,
                "defaultTarget"));
        this.answers = new AnswerReader(readers);
        this.mentions = new MentionReader(readers);
        this.changes = new ChangeReader(readers);
        this.defaults = new Defaults(readers.texts(), catalog, readers.names(), defaultTarget);
        this.planner = new QuestionPlanner(readers.texts(), catalog, readers.names(), defaultTarget);
    }

    @Override
    public InterviewStep step(Spec spec, Question pending, String text, int questionsLeft) {
        requireNonNull(spec, "spec");
        String message = Words.clean(text);
        if (SKIP.contains(Words.lower(Words.trimPunctuation(message)))) {
            return new InterviewStep.Ready(defaults.fillAll(spec));
        }
        Draft d = new Draft(spec);
        if (pending == null && isFresh(spec)) {
            readIdea(d, message);
        } else if (pending == null || planner.isChange(pending)) {
            ChangeReader.Applied applied = changes.apply(d, message);
            boolean understood = applied.understood();
            // Read as changed: "rename it to contact" about a field must not also rename the project.
            mentions.read(d, applied.text(), null);
            if (!d.changed()) {
                return unchanged(d, understood || !d.notes().isEmpty(), message, questionsLeft);
            }
        } else {
            readAnswer(d, pending.slot(), message);
        }
        return next(d, questionsLeft);
    }

    @Override
    public Spec assumeDefaults(Spec spec) {
        return defaults.fillAll(requireNonNull(spec, "spec"));
    }

    private void readIdea(Draft d, String idea) {
        if (!Words.isEmptyIdea(idea)) {
            d.update(d.spec().withPurpose(Words.clip(idea)));
        }
        EntityReader.Found found = readers.entities().fromProse(idea, null);
        d.merge(found);
        if (d.spec().entities().isEmpty()) {
            AppKinds.of(idea).ifPresent(e -> d.update(d.spec().withEntities(List.of(e)).withAssumption(readers.texts()
                    .get("assume.kind", "entity", e.name() + " (" + String.join(", ", e.fields().stream()
                            .map(f -> f.name() + " " + f.describe()).toList()) + ")"))));
        }
        actors(d, found.actors());
        mentions.read(d, idea, null);
    }

    /** "customers open tickets": customers use the API and are not stored; the summary says so. */
    private void actors(Draft d, List<String> actors) {
        List<String> people = actors.stream().filter(a -> d.spec().entities().stream()
                .noneMatch(e -> e.name().equalsIgnoreCase(Names.camel(Inflector.singular(a), true).orElse("")))).toList();
        if (!people.isEmpty()) {
            String list = people.size() == 1 ? people.getFirst()
                    : String.join(", ", people.subList(0, people.size() - 1)) + " and " + people.getLast();
            d.update(d.spec().withAssumption(readers.texts().get("assume.actors", Map.of("actors",
                    Character.toUpperCase(list.charAt(0)) + list.substring(1), "example", people.getFirst()))));
        }
    }

    private void readAnswer(Draft d, Slot slot, String answer) {
        if (YOU_CHOOSE.contains(Words.lower(Words.trimPunctuation(answer)))) {
            d.update(defaults.fill(d.spec(), slot));
            return;
        }
        if (slot == Slot.ENTITIES && Words.lower(Words.trimPunctuation(answer))
                .equals(readers.texts().get("choice.entities.other"))) {
            // "something else" names nothing: ask again for the things in the person's own words.
            d.note(readers.texts().get("note.entities.other"));
            return;
        }
        Draft direct = new Draft(d.spec());
        answers.read(direct, slot, answer);
        Draft passing = new Draft(direct.spec());
        mentions.read(passing, answer, slot);
        if (!direct.changed() && !passing.changed()) {
            // Not an answer to the question, but maybe a change ("add a due date to task" while asked for a name).
            Draft change = new Draft(d.spec());
            if (changes.apply(change, answer).understood() && change.changed()) {
                d.update(change.spec());
                d.notes(change.notes());
                return;
            }
        }
        d.update(passing.spec());
        // A note about the asked slot only helps when nothing else in the message was usable either.
        if (direct.changed() || !passing.changed()) {
            d.notes(direct.notes());
        }
        d.notes(passing.notes());
    }

    /** A change request that changed nothing: say why and invite another, unless it simply matched the spec. */
    private InterviewStep unchanged(Draft d, boolean understood, String message, int questionsLeft) {
        if (!understood) {
            d.note(readers.texts().get("note.notUnderstood", "text", message));
        }
        if (d.notes().isEmpty() || questionsLeft <= 0) {
            return new InterviewStep.Ready(defaults.fillAll(d.spec()), notes(d));
        }
        return new InterviewStep.Ask(d.spec(), planner.change(), String.join(" ", d.notes()));
    }

    private InterviewStep next(Draft d, int questionsLeft) {
        Spec spec = defaults.fillSingleOptions(d.spec());
        if (spec.isComplete()) {
            return new InterviewStep.Ready(spec, notes(d));
        }
        if (questionsLeft <= 0) {
            // Out of questions: the summary must still be complete, so the bot chooses and says so.
            return new InterviewStep.Ready(defaults.fillAll(spec), notes(d));
        }
        Slot slot = spec.openSlots().getFirst();
        return new InterviewStep.Ask(spec, planner.question(spec, slot, questionsLeft), notes(d));
    }

    /** What the person should know about their last message, or {@code null} when all of it was used. */
    private static String notes(Draft d) {
        return d.notes().isEmpty() ? null : String.join(" ", d.notes());
    }

    /** Nothing answered yet: the message is the idea rather than a change request. */
    private static boolean isFresh(Spec spec) {
        return !spec.isFilled(Slot.PURPOSE) && spec.entities().isEmpty() && spec.name() == null
                && spec.operations().isEmpty() && spec.target() == null;
    }
}
