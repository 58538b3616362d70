package dev.aiwizard.generator.interview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.core.spec.Entity;
import dev.aiwizard.core.spec.Field;
import dev.aiwizard.core.spec.FieldType;
import dev.aiwizard.core.spec.Operation;
import dev.aiwizard.core.spec.Spec;
import dev.aiwizard.generator.stack.StackCatalog;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class AssumeDefaultsTest {
    private final OfflineInterviewer interviewer = new OfflineInterviewer();

    @Test
    void anEmptySpecGetsADefaultForEverySlotAndSaysSoForEach() {
        Spec spec = interviewer.assumeDefaults(Spec.empty());

        assertTrue(spec.isComplete());
        assertEquals(List.of(new Entity("Item", List.of(new Field("name", FieldType.TEXT)))), spec.entities());
        assertEquals(EnumSet.allOf(Operation.class), spec.operations());
        assertEquals("my-service", spec.name());
        assertEquals("java-rest", spec.stack());
        assertEquals("in-memory", spec.persistence());
        assertEquals("local", spec.target());
        assertEquals(List.of(
                "Entities: Item with name (text) (default)",
                "Operations: all of create, read, list, update, delete (default)",
                "Name: my-service (default)",
                "Stack: java-rest (default)",
                "Persistence: in-memory (the only option available)",
                "Target: local, the bot's default repository (default)",
                "Purpose: A REST service that manages items. (default)"), spec.assumptions());
    }

    @Test
    void whatIsKnownIsKeptAndOnlyTheGapsAreAssumed() {
        Spec known = Spec.empty().withPurpose("a library app to track books and authors")
                .withEntities(List.of(new Entity("Book", List.of(new Field("title", FieldType.TEXT))), new Entity("Author", List.of())))
                .withTarget("https://github.com/acme/library.git");

        Spec spec = interviewer.assumeDefaults(known);

        assertEquals(List.of(new Field("title", FieldType.TEXT)), spec.entities().get(0).fields());
        assertEquals(List.of(new Field("name", FieldType.TEXT)), spec.entities().get(1).fields());
        assertEquals("library-app", spec.name());
        assertEquals("https://github.com/acme/library.git", spec.target());
        assertEquals(List.of(
                "Fields of Author: name (text) (default)",
                "Operations: all of create, read, list, update, delete (default)",
                "Name: library-app (from the idea)",
                "Stack: java-rest (default)",
                "Persistence: in-memory (the only option available)"), spec.assumptions());
    }

    @Test
    void theConfiguredDefaultTargetIsTheDefaultAndWhatDefaultMeansAsAnAnswer() {
        OfflineInterviewer toGitHub = new OfflineInterviewer(StackCatalog.builtIn(), "acme/todo");

        Spec spec = toGitHub.assumeDefaults(Spec.empty());

        assertEquals("acme/todo", spec.target());
        assertTrue(spec.assumptions().contains("Target: acme/todo, the configured default (default)"),
                spec.assumptions().toString());
        Spec named = Spec.empty().withName("todo");
        assertEquals("acme/todo", TargetReader.answer("the default", "acme/todo").target().orElseThrow());
        assertEquals("local", TargetReader.answer("local", "acme/todo").target().orElseThrow());
        assertEquals("acme/other", TargetReader.answer("acme/other", "acme/todo").target().orElseThrow());
        assertTrue(TargetReader.answer("acme/..", "acme/todo").target().isEmpty());
        assertTrue(named.target() == null);
    }

    @Test
    void aCompleteSpecIsLeftAlone() {
        Spec complete = interviewer.assumeDefaults(Spec.empty());

        assertEquals(complete, interviewer.assumeDefaults(complete));
    }
}
