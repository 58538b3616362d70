package dev.aiwizard.generator.interview;

import dev.aiwizard.core.spec.Entity;
import dev.aiwizard.core.spec.Slot;
import dev.aiwizard.generator.stack.StackOption;
import java.util.List;
import java.util.Map;

/** Reads a direct answer to the question about one slot into the draft, or notes why it could not. */
final class AnswerReader {
    private final Readers r;

    AnswerReader(Readers readers) {
        this.r = readers;
    }

    void read(Draft d, Slot slot, String answer) {
        switch (slot) {
            case ENTITIES -> {
                EntityReader.Found found = r.entities().fromAnswer(answer);
                d.merge(found);
            }
            case FIELDS -> fields(d, answer);
            case OPERATIONS -> OperationsReader.read(answer).ifPresentOrElse(ops -> d.update(d.spec().withOperations(ops)),
                    () -> d.note(r.texts().get("note.noOperations", "text", answer)));
            case NAME -> {
                NameReader.Answer a = r.names().read(answer, d.spec());
                a.name().ifPresent(n -> d.update(d.spec().withName(n)));
                d.note(a.note());
            }
            case STACK -> r.options().stack(answer).ifPresentOrElse(s -> d.update(r.withStack(d.spec(), s)),
                    () -> d.note(r.texts().get("note.unknownStack", Map.of("text", answer, "options",
                            String.join(", ", r.catalog().stacks().stream().map(StackOption::id).toList())))));
            case PERSISTENCE -> persistence(d, answer);
            case TARGET -> target(d, answer);
            case PURPOSE -> purpose(d, answer);
        }
    }

    /** Fields for the entity the question named, unless the answer names its entities itself ("book: title"). */
    private void fields(Draft d, String answer) {
        String target = QuestionPlanner.firstWithoutFields(d.spec());
        EntityReader.Found found = r.entities().fromProse(answer, target);
        if (found.entities().stream().anyMatch(e -> !e.fields().isEmpty())) {
            d.merge(found);
            return;
        }
        FieldReader.Result result = r.fields().read(answer);
        d.notes(result.notes());
        if (!result.fields().isEmpty()) {
            d.merge(List.of(new Entity(target, result.fields())));
        } else if (result.notes().isEmpty()) {
            d.note(r.texts().get("note.noFields", "text", answer));
        }
    }

    private void persistence(Draft d, String answer) {
        List<String> open = r.catalog().persistenceOptions(d.spec().stack());
        r.options().persistence(answer, open).ifPresentOrElse(p -> d.update(d.spec().withPersistence(p)),
                () -> d.note(r.texts().get("note.unknownPersistence", Map.of("text", answer, "options", String.join(", ", open)))));
    }

    private void target(Draft d, String answer) {
        TargetReader.Answer a = TargetReader.answer(answer, r.defaultTarget());
        a.target().ifPresent(t -> d.update(d.spec().withTarget(t)));
        if (a.refused()) {
            d.note(r.texts().get("note.credentialsInTarget", "name", r.nameOrSuggestion(d.spec())));
        } else if (a.target().isEmpty()) {
            d.note(r.texts().get("note.badTarget", Map.of("text", answer, "name", r.nameOrSuggestion(d.spec()))));
        }
    }

    private void purpose(Draft d, String answer) {
        if (Words.isEmptyIdea(answer)) {
            d.note(r.texts().get("note.noPurpose", "text", answer));
            return;
        }
        d.update(d.spec().withPurpose(Words.clip(answer)));
        if (d.spec().entities().isEmpty()) {
            EntityReader.Found found = r.entities().fromProse(answer, null);
            d.merge(new EntityReader.Found(found.entities(), List.of(), found.relations(), List.of()));
        }
    }
}
