package dev.aiwizard.generator.interview;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.conversation.InterviewStep;
import dev.aiwizard.core.conversation.Interviewer;
import dev.aiwizard.core.conversation.Question;
import dev.aiwizard.core.spec.Slot;
import dev.aiwizard.core.spec.Spec;
import dev.aiwizard.generator.stack.StackCatalog;
import java.util.Set;

/** Rule-based {@link Interviewer}: fills the spec from the idea and answers, asking the most valuable open slot first. */
public final class OfflineInterviewer implements Interviewer {
    private static final int MAX_PURPOSE = 500;
    private static final Set<String> SKIP = Set.of("skip", "skip all", "skip the rest", "skip rest", "use defaults",
            "use the defaults", "just build it", "build it", "defaults for the rest");
    private static final Set<String> YOU_CHOOSE = Set.of("you choose", "your choice", "default", "defaults",
            "the default", "whatever", "any", "anything", "don't care", "dont care", "doesn't matter", "does not matter",
            "up to you", "you decide", "idk", "dunno", "no idea", "not sure", "no preference", "surprise me");
    /** Words that carry no idea: a bare greeting or "new app" is not a purpose. */
    private static final Set<String> EMPTY_WORDS = Set.of("hi", "hello", "hey", "help", "test", "new", "app", "idea",
            "wizard", "something", "please", "a", "an", "the", "start", "thing", "stuff", "yo");

    private final Texts texts = new Texts();
    private final NameReader names = new NameReader(texts);
    private final FieldReader fields = new FieldReader(texts);
    private final EntityReader entities = new EntityReader(fields, texts);
    private final ChangeReader changes = new ChangeReader(texts, fields, entities, names);
    private final StackCatalog catalog;
    private final OptionReader options;
    private final Defaults defaults;
    private final QuestionPlanner planner;

    /** An interviewer offering the stacks the built-in generator supports. */
    public OfflineInterviewer() {
        this(StackCatalog.builtIn());
    }

    /** An interviewer offering the stacks of {@code catalog}. */
    public OfflineInterviewer(StackCatalog catalog) {
        this.catalog = requireNonNull(catalog, "catalog");
        this.options = new OptionReader(catalog);
        this.defaults = new Defaults(texts, catalog, names);
        this.planner = new QuestionPlanner(texts, catalog, names);
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
            boolean understood = changes.apply(d, message);
            readExtras(d, message, null);
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

    /** A change request that changed nothing: say why and invite another, unless it simply matched the spec. */
    private InterviewStep unchanged(Draft d, boolean understood, String message, int questionsLeft) {
        if (!understood) {
            d.note(texts.get("note.notUnderstood", "text", message));
        }
        if (d.notes().isEmpty() || questionsLeft <= 0) {
            return new InterviewStep.Ready(defaults.fillAll(d.spec()));
        }
        return new InterviewStep.Ask(d.spec(), planner.change(), String.join(" ", d.notes()));
    }

    private InterviewStep next(Draft d, int questionsLeft) {
        Spec spec = defaults.fillSingleOptions(d.spec());
        if (spec.isComplete()) {
            return new InterviewStep.Ready(spec);
        }
        if (questionsLeft <= 0) {
            // Out of questions: the summary must still be complete, so the bot chooses and says so.
            return new InterviewStep.Ready(defaults.fillAll(spec));
        }
        Slot slot = spec.openSlots().getFirst();
        String note = d.notes().isEmpty() ? null : String.join(" ", d.notes());
        return new InterviewStep.Ask(spec, planner.question(spec, slot, questionsLeft), note);
    }

    private void readIdea(Draft d, String idea) {
        if (!isEmptyIdea(idea)) {
            d.update(d.spec().withPurpose(idea.length() <= MAX_PURPOSE ? idea : idea.substring(0, MAX_PURPOSE) + "…"));
        }
        EntityReader.Found found = entities.fromProse(idea, null);
        d.merge(found.entities());
        d.notes(found.notes());
        readExtras(d, idea, null);
    }

    private void readAnswer(Draft d, Slot slot, String answer) {
        if (YOU_CHOOSE.contains(Words.lower(Words.trimPunctuation(answer)))) {
            d.update(defaults.fill(d.spec(), slot));
            return;
        }
        Draft slotDraft = new Draft(d.spec());
        new AnswerReader(slotDraft).read(slot, answer);
        d.update(slotDraft.spec());
        boolean answered = slotDraft.changed();
        Draft extras = new Draft(d.spec());
        readExtras(extras, answer, slot);
        d.update(extras.spec());
        // A note about the asked slot only helps when nothing else in the message was usable either.
        if (answered || !extras.changed()) {
            d.notes(slotDraft.notes());
        }
        d.notes(extras.notes());
    }

    /**
     * Slots any message may fill in passing: an explicit name, a target URL, read-only, a data store. The slot just
     * asked ({@code answered}, may be null) was read more carefully already and is left alone.
     */
    private void readExtras(Draft d, String text, Slot answered) {
        if (answered != Slot.NAME) {
            NameReader.explicit(text).ifPresent(n -> d.update(d.spec().withName(n)));
        }
        TargetReader.Answer target = answered == Slot.TARGET ? TargetReader.Answer.none() : TargetReader.inProse(text);
        target.target().ifPresent(t -> d.update(d.spec().withTarget(t)));
        if (target.refused()) {
            d.note(texts.get("note.credentialsInTarget", "name", nameOrSuggestion(d.spec())));
        }
        if (answered != Slot.OPERATIONS) {
            OperationsReader.inProse(text).ifPresent(ops -> d.update(d.spec().withOperations(ops)));
        }
        var persistenceOptions = catalog.persistenceOptions(d.spec().stack());
        options.unavailableStore(text, persistenceOptions).ifPresent(store -> d.note(texts.get("note.unknownPersistence",
                java.util.Map.of("text", store, "options", String.join(", ", persistenceOptions)))));
    }

    private String nameOrSuggestion(Spec spec) {
        return spec.name() != null ? spec.name() : names.suggest(spec);
    }

    /** Nothing answered yet: the message is the idea rather than a change request. */
    private static boolean isFresh(Spec spec) {
        return !spec.isFilled(Slot.PURPOSE) && spec.entities().isEmpty() && spec.name() == null
                && spec.operations().isEmpty() && spec.target() == null;
    }

    private static boolean isEmptyIdea(String idea) {
        return java.util.Arrays.stream(Words.lower(idea).split("[^a-z0-9]+"))
                .noneMatch(w -> w.length() >= 3 && !EMPTY_WORDS.contains(w));
    }

    /** Reads a direct answer to the question about one slot. */
    private final class AnswerReader {
        private final Draft d;

        AnswerReader(Draft d) {
            this.d = d;
        }

        void read(Slot slot, String answer) {
            switch (slot) {
                case ENTITIES -> {
                    EntityReader.Found found = entities.fromAnswer(answer);
                    d.merge(found.entities());
                    d.notes(found.notes());
                }
                case FIELDS -> fields(answer);
                case OPERATIONS -> OperationsReader.read(answer).ifPresentOrElse(ops -> d.update(d.spec().withOperations(ops)),
                        () -> d.note(texts.get("note.noOperations", "text", answer)));
                case NAME -> {
                    NameReader.Answer a = names.read(answer, d.spec());
                    a.name().ifPresent(n -> d.update(d.spec().withName(n)));
                    d.note(a.note());
                }
                case STACK -> options.stack(answer).ifPresentOrElse(s -> d.update(d.spec().withStack(s.id())),
                        () -> d.note(texts.get("note.unknownStack", java.util.Map.of("text", answer, "options",
                                String.join(", ", catalog.stacks().stream().map(s -> s.id()).toList())))));
                case PERSISTENCE -> persistence(answer);
                case TARGET -> target(answer);
                case PURPOSE -> purpose(answer);
            }
        }

        private void fields(String answer) {
            String target = QuestionPlanner.firstWithoutFields(d.spec());
            EntityReader.Found found = entities.fromProse(answer, target);
            if (found.entities().stream().anyMatch(e -> !e.fields().isEmpty())) {
                d.merge(found.entities());
                d.notes(found.notes());
                return;
            }
            FieldReader.Result result = fields.read(answer);
            d.notes(result.notes());
            if (result.fields().isEmpty()) {
                if (result.notes().isEmpty()) {
                    d.note(texts.get("note.noFields", "text", answer));
                }
                return;
            }
            d.merge(java.util.List.of(new dev.aiwizard.core.spec.Entity(target, result.fields())));
        }

        private void persistence(String answer) {
            var open = catalog.persistenceOptions(d.spec().stack());
            options.persistence(answer, open).ifPresentOrElse(p -> d.update(d.spec().withPersistence(p)),
                    () -> d.note(texts.get("note.unknownPersistence", java.util.Map.of("text", answer, "options", String.join(", ", open)))));
        }

        private void target(String answer) {
            TargetReader.Answer a = TargetReader.answer(answer);
            a.target().ifPresent(t -> d.update(d.spec().withTarget(t)));
            if (a.refused()) {
                d.note(texts.get("note.credentialsInTarget", "name", nameOrSuggestion(d.spec())));
            } else if (a.target().isEmpty()) {
                d.note(texts.get("note.badTarget", java.util.Map.of("text", answer, "name", nameOrSuggestion(d.spec()))));
            }
        }

        private void purpose(String answer) {
            if (isEmptyIdea(answer)) {
                d.note(texts.get("note.noPurpose", "text", answer));
                return;
            }
            d.update(d.spec().withPurpose(answer.length() <= MAX_PURPOSE ? answer : answer.substring(0, MAX_PURPOSE) + "…"));
            if (d.spec().entities().isEmpty()) {
                d.merge(entities.fromProse(answer, null).entities());
            }
        }
    }
}
