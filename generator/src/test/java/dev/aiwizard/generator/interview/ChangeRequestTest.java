package dev.aiwizard.generator.interview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.core.conversation.InterviewStep;
import dev.aiwizard.core.spec.Entity;
import dev.aiwizard.core.spec.Field;
import dev.aiwizard.core.spec.FieldType;
import dev.aiwizard.core.spec.Operation;
import dev.aiwizard.core.spec.Slot;
import dev.aiwizard.core.spec.Spec;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Messages after the summary ({@code pending == null}) change the approved spec. */
class ChangeRequestTest {
    private static final Field TITLE = new Field("title", FieldType.TEXT);
    private static final Field DONE = new Field("done", FieldType.BOOLEAN);
    private static final Spec TODO = new Spec("todo-service", "a todo service", List.of(new Entity("Task", List.of(TITLE, DONE))),
            EnumSet.allOf(Operation.class), "java-rest", "in-memory", "local", List.of());

    private final OfflineInterviewer interviewer = new OfflineInterviewer();

    private Spec change(String request) {
        return assertInstanceOf(InterviewStep.Ready.class, interviewer.step(TODO, null, request, 3)).spec();
    }

    private InterviewStep.Ask refused(String request) {
        return assertInstanceOf(InterviewStep.Ask.class, interviewer.step(TODO, null, request, 3));
    }

    @Test
    void aChangeNotUnderstoodAfterTheLastQuestionStillSaysSo() {
        var ready = assertInstanceOf(InterviewStep.Ready.class, interviewer.step(TODO, null, "make it purple", 0));
        assertEquals(TODO, ready.spec());
        assertTrue(ready.note() != null && ready.note().contains("make it purple"), String.valueOf(ready.note()));
    }

    @Test
    void theTargetCanBeChangedToTheDefaultLocalOrAGitHubRepository() {
        OfflineInterviewer toGitHub = new OfflineInterviewer(dev.aiwizard.generator.stack.StackCatalog.builtIn(),
                "acme/main-repo");
        Spec elsewhere = TODO.withTarget("evil/elsewhere");

        assertEquals("acme/main-repo", assertInstanceOf(InterviewStep.Ready.class,
                toGitHub.step(elsewhere, null, "target to default", 3)).spec().target());
        assertEquals("local", assertInstanceOf(InterviewStep.Ready.class,
                toGitHub.step(elsewhere, null, "push it to local", 3)).spec().target());
        assertEquals("acme/tools-todo", assertInstanceOf(InterviewStep.Ready.class,
                toGitHub.step(elsewhere, null, "deliver to acme/tools-todo", 3)).spec().target());
        assertEquals("local", refused("the repo is great").spec().target(), "only default, local or owner/repo count");
    }

    @Test
    void addingAFieldToAnEntity() {
        assertEquals(List.of(TITLE, DONE, new Field("dueDate", FieldType.DATE)), change("add a due date to task").entities().getFirst().fields());
        assertEquals(List.of(TITLE, DONE, new Field("priority", FieldType.INTEGER)), change("add priority (integer)").entities().getFirst().fields());
    }

    @Test
    void switchingTheStackDropsTheStackAssumption() {
        Spec assumed = TODO.withAssumption("Stack: java-rest (default)");

        for (String request : List.of("use node", "switch to express", "build it with Node.js instead", "please use node-express")) {
            Spec changed = assertInstanceOf(InterviewStep.Ready.class, interviewer.step(assumed, null, request, 3)).spec();
            assertEquals("node-express", changed.stack(), request);
            assertEquals(List.of(), changed.assumptions(), request);
            assertEquals(TODO.entities(), changed.entities(), request);
        }
        Spec node = TODO.withStack("node-express");
        assertEquals("java-rest", assertInstanceOf(InterviewStep.Ready.class, interviewer.step(node, null, "make it java", 3)).spec().stack());
    }

    @Test
    void renamingTheProject() {
        assertEquals("shop-api", change("rename to shop-api").name());
    }

    @Test
    void managingAnotherEntityWithFields() {
        assertEquals(List.of(new Entity("Task", List.of(TITLE, DONE)), new Entity("Category", List.of(new Field("name", FieldType.TEXT)))),
                change("also manage categories with a name").entities());
    }

    @Test
    void anotherEntityWithoutFieldsOpensTheFieldsQuestion() {
        InterviewStep.Ask ask = refused("also track tags");

        assertEquals(Slot.FIELDS, ask.question().slot());
        assertTrue(ask.question().text().contains("a Tag"), ask.question().text());
    }

    @Test
    void removingAField() {
        assertEquals(List.of(TITLE), change("remove the done field").entities().getFirst().fields());
    }

    @Test
    void changingOperations() {
        assertEquals(Set.of(Operation.READ, Operation.LIST), change("read-only").operations());
        assertEquals(EnumSet.complementOf(EnumSet.of(Operation.DELETE)), change("no delete").operations());
    }

    @Test
    void renamingAndRetypingAField() {
        assertEquals(List.of(new Field("headline", FieldType.TEXT), DONE), change("rename title to headline").entities().getFirst().fields());
        assertEquals(List.of(TITLE, new Field("done", FieldType.DATE)), change("make done a date").entities().getFirst().fields());
    }

    @Test
    void changingTheTarget() {
        assertEquals("https://github.com/acme/todo.git", change("push it to https://github.com/acme/todo.git").target());
    }

    @Test
    void anUnrecognisedChangeIsAnsweredWithANoteAndExamples() {
        InterviewStep.Ask ask = refused("make it sparkle");

        assertEquals(TODO, ask.spec());
        assertTrue(ask.note().startsWith("I didn't understand \"make it sparkle\" as a change. Try e.g. \"add a due date to task\""), ask.note());
    }

    @Test
    void theReplyToThatQuestionIsReadAsAChangeAgain() {
        InterviewStep.Ask ask = refused("make it sparkle");

        InterviewStep next = interviewer.step(TODO, ask.question(), "add a due date to task", 2);

        assertEquals(3, assertInstanceOf(InterviewStep.Ready.class, next).spec().entities().getFirst().fields().size());
    }

    @Test
    void anUnsafeNewNameIsRefused() {
        InterviewStep.Ask ask = refused("rename to ../../etc");

        assertEquals("todo-service", ask.spec().name());
        assertTrue(ask.note().contains("can't be a project name"), ask.note());
    }

    @Test
    void theOnlyEntityIsKept() {
        assertTrue(refused("remove task").note().startsWith("I kept Task"));
    }

    @Test
    void makingAFieldReadOnlyKeepsEveryOtherFieldAndTheOperations() {
        Spec changed = change("make the title of task read-only");

        assertEquals(List.of(TITLE.withReadOnly(true), DONE), changed.entities().getFirst().fields());
        assertEquals(TODO.operations(), changed.operations());
        assertEquals(TODO, change("make the title of task read-only").withEntities(TODO.entities()));
    }

    @Test
    void makingTheOnlyEntityReadOnlyMarksItAndMakingItReadOnlyLimitsTheWholeApi() {
        Spec entity = change("make tasks read-only");
        assertTrue(entity.entities().getFirst().readOnly());
        assertEquals(TODO.operations(), entity.operations());

        Spec api = change("make it read-only");
        assertEquals(Set.of(Operation.READ, Operation.LIST), api.operations());
        assertTrue(api.entities().stream().noneMatch(Entity::readOnly));
    }

    @Test
    void readOnlyOfSomethingTheSpecDoesNotHaveLocksNothingAndSaysWhatExists() {
        var ask = refused("make the invoices read-only");
        assertEquals(TODO, ask.spec());
        assertTrue(ask.note().contains("make the invoices read-only") && ask.note().contains("Task"), ask.note());
    }

    @Test
    void itAfterAFieldChangeIsThatFieldAndNotTheProject() {
        Spec changed = change("make done a date and rename it to finished");

        assertEquals(List.of(TITLE, new Field("finished", FieldType.DATE)), changed.entities().getFirst().fields());
        assertEquals(TODO.name(), changed.name());
        assertEquals("shop-api", change("rename it to shop-api").name());
    }
}
