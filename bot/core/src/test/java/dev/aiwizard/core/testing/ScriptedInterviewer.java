package dev.aiwizard.core.testing;

import dev.aiwizard.core.conversation.InterviewStep;
import dev.aiwizard.core.conversation.Interviewer;
import dev.aiwizard.core.conversation.Question;
import dev.aiwizard.core.spec.Entity;
import dev.aiwizard.core.spec.Field;
import dev.aiwizard.core.spec.FieldType;
import dev.aiwizard.core.spec.Names;
import dev.aiwizard.core.spec.Operation;
import dev.aiwizard.core.spec.Slot;
import dev.aiwizard.core.spec.Spec;
import java.util.EnumSet;
import java.util.List;

/**
 * A predictable interviewer for engine tests: the idea fills everything but the name, then it asks for the name
 * until it gets a usable one.
 */
public final class ScriptedInterviewer implements Interviewer {
    @Override
    public InterviewStep step(Spec spec, Question pending, String text, int questionsLeft) {
        Spec s = spec;
        String note = null;
        if (pending == null && s.entities().isEmpty()) {
            s = complete(s, text).withName(null);
        } else if (pending != null && pending.slot() == Slot.NAME) {
            var slug = Names.slug(text);
            if (slug.isPresent()) {
                s = s.withName(slug.get());
            } else {
                note = "'" + text + "' cannot be a project name.";
            }
        } else if (pending == null && text.startsWith("rename to ")) {
            s = s.withName(text.substring("rename to ".length()));
        }
        if (s.name() == null && questionsLeft > 0) {
            return new InterviewStep.Ask(s, new Question(Slot.NAME, "What should the project be called?",
                    List.of("todo-service", "tasks-api"), 0), note);
        }
        return new InterviewStep.Ready(s);
    }

    @Override
    public Spec assumeDefaults(Spec spec) {
        Spec s = complete(spec, spec.purpose() == null ? "something" : spec.purpose());
        return spec.name() == null ? s.withName("my-service").withAssumption("Name: my-service (default)") : s;
    }

    private static Spec complete(Spec s, String idea) {
        return s.withPurpose(idea)
                .withEntities(List.of(new Entity("Task", List.of(new Field("title", FieldType.TEXT)))))
                .withOperations(EnumSet.allOf(Operation.class)).withStack("java-rest").withPersistence("in-memory")
                .withTarget(s.target() == null ? "local" : s.target());
    }
}
