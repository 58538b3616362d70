package dev.aiwizard.generator.interview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.core.conversation.InterviewStep;
import dev.aiwizard.core.spec.Entity;
import dev.aiwizard.core.spec.Field;
import dev.aiwizard.core.spec.FieldType;
import dev.aiwizard.core.spec.Operation;
import dev.aiwizard.core.spec.Slot;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AnswerReadingTest {
    private static final String TODO = "a todo service where people manage tasks with a title and a done flag";

    private static Interview atOperations() {
        Interview interview = new Interview(6);
        interview.ask(TODO);
        return interview;
    }

    private static Interview atName() {
        Interview interview = atOperations();
        interview.ask("all");
        return interview;
    }

    @Test
    void theOfferedChoiceLabelsAreUnderstood() {
        assertEquals(EnumSet.allOf(Operation.class), atOperations().ask("all (create, read, list, update, delete)").spec().operations());
        assertEquals(Set.of(Operation.READ, Operation.LIST), atOperations().ask("read-only (read, list)").spec().operations());
        assertEquals(EnumSet.complementOf(EnumSet.of(Operation.DELETE)), atOperations().ask("no delete").spec().operations());
    }

    @Test
    void operationsMayBeListedInWords() {
        assertEquals(Set.of(Operation.CREATE, Operation.READ, Operation.LIST),
                atOperations().ask("create, read and list").spec().operations());
        assertEquals(EnumSet.complementOf(EnumSet.of(Operation.DELETE, Operation.UPDATE)),
                atOperations().ask("everything except update and delete").spec().operations());
    }

    @Test
    void anUnreadableAnswerIsAskedAgainWithANoteSayingHowToAnswer() {
        Interview interview = atOperations();
        String question = interview.pending().text();

        InterviewStep.Ask again = interview.ask("purple");

        assertEquals(Slot.OPERATIONS, again.question().slot());
        assertEquals(question, again.question().text());
        assertEquals("I couldn't read operations from \"purple\". Say \"all\", \"read-only\", \"no delete\", or list them: "
                + "create, read, list, update, delete.", again.note());
    }

    @Test
    void anUnknownFieldTypeIsAskedAgainNamingTheTypesIKnow() {
        Interview interview = new Interview(6);
        String question = interview.ask("an app to track books").question().text();

        InterviewStep.Ask again = interview.ask("title:colour");

        assertEquals(Slot.FIELDS, again.question().slot());
        assertEquals(question, again.question().text());
        assertEquals("I couldn't read a type from \"title:colour\". Types I know: text, integer, decimal, boolean, date, timestamp, email, url.",
                again.note());
    }

    @Test
    void fieldsAnswersAcceptTypedAndPlainLists() {
        Interview interview = new Interview(6);
        interview.ask("an app to track books and authors");
        interview.ask("title text, pages integer, published date");
        interview.ask("a name and a birth date");

        assertEquals(List.of(
                new Entity("Book", List.of(new Field("title", FieldType.TEXT), new Field("pages", FieldType.INTEGER),
                        new Field("published", FieldType.DATE))),
                new Entity("Author", List.of(new Field("name", FieldType.TEXT), new Field("birthDate", FieldType.DATE)))),
                interview.spec().entities());
    }

    @Test
    void entitiesMayBeAnsweredAsABareList() {
        Interview interview = new Interview(6);
        interview.ask("hi");

        InterviewStep.Ask next = interview.ask("books and authors");

        assertEquals(List.of("Book", "Author"), next.spec().entities().stream().map(Entity::name).toList());
        assertEquals(Slot.FIELDS, next.question().slot());
    }

    @ParameterizedTest
    @ValueSource(strings = {"../..", "///", "", "..\\evil", "a/b"})
    void aNameUnsafeAsAPathOrBranchIsRefusedAndAskedAgain(String answer) {
        InterviewStep.Ask again = atName().ask(answer);

        assertEquals(Slot.NAME, again.question().slot());
        assertNull(again.spec().name());
        assertTrue(again.note() != null && again.note().contains("todo-service"), again.note());
    }

    @Test
    void aNameIsTurnedIntoASlug() {
        assertEquals("shop-api", atName().ask("Shop API").spec().name());
    }

    @Test
    void agreeingTakesTheSuggestedName() {
        assertEquals("todo-service", atName().ask("yes").spec().name());
        assertEquals("todo-api", atName().ask("todo-api").spec().name());
    }

    @Test
    void theTargetIsLocalOrAGitUrlWithoutCredentials() {
        Interview local = atName();
        local.ask("todo-service");
        local.ask("java-rest");
        assertEquals("local", local.ready("local").spec().target());

        Interview remote = atName();
        remote.ask("todo-service");
        remote.ask("java-rest");
        assertEquals("git@github.com:acme/todo.git", remote.ready("git@github.com:acme/todo.git").spec().target());

        Interview secret = atName();
        secret.ask("todo-service");
        secret.ask("java-rest");
        InterviewStep.Ask refused = secret.ask("https://me:hunter2@github.com/acme/todo.git");
        assertNull(refused.spec().target());
        assertTrue(refused.note().startsWith("Please leave credentials out of the URL"), refused.note());
    }

    @Test
    void oneAnswerMayFillSeveralSlots() {
        InterviewStep.Ask next = atOperations().ask("read-only, and call it task-board");

        assertEquals(Set.of(Operation.READ, Operation.LIST), next.spec().operations());
        assertEquals("task-board", next.spec().name());
        assertEquals(Slot.STACK, next.question().slot());
    }

    @Test
    void aChangeMadeWhileAQuestionIsOpenIsAppliedAndTheQuestionStays() {
        InterviewStep.Ask next = atOperations().ask("add a due date to task");

        assertTrue(next.spec().operations().isEmpty());
        assertEquals(new Field("dueDate", FieldType.DATE), next.spec().entities().getFirst().fields().getLast());
        assertEquals(Slot.OPERATIONS, next.question().slot());
        assertNull(next.note());
    }

    @Test
    void youChooseFillsTheAskedSlotWithItsDefaultAndSaysSo() {
        InterviewStep.Ask next = atOperations().ask("you choose");

        assertEquals(EnumSet.allOf(Operation.class), next.spec().operations());
        assertTrue(next.spec().assumptions().contains("Operations: all of create, read, list, update, delete (default)"));
        assertEquals(Slot.NAME, next.question().slot());
    }

    @Test
    void skipTakesDefaultsForEverythingLeft() {
        InterviewStep.Ready ready = atOperations().ready("skip");

        assertTrue(ready.spec().isComplete());
        assertEquals("todo-service", ready.spec().name());
        assertEquals("local", ready.spec().target());
    }
}
