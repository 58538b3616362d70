package dev.aiwizard.generator.interview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.core.conversation.InterviewStep;
import dev.aiwizard.core.conversation.Question;
import dev.aiwizard.core.spec.Slot;
import dev.aiwizard.core.spec.Spec;
import dev.aiwizard.generator.stack.StackCatalog;
import dev.aiwizard.generator.stack.StackOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuestioningTest {
    private static final String TODO = "a todo service where people manage tasks with a title and a done flag";

    @Test
    void questionsComeOneAtATimeMostValuableFirstAndCountDown() {
        Interview interview = new Interview(6);
        List<Question> asked = new ArrayList<>();
        asked.add(interview.ask(TODO).question());
        asked.add(interview.ask("all").question());
        asked.add(interview.ask("todo-service").question());
        asked.add(interview.ask("node").question());
        InterviewStep.Ready ready = interview.ready("local");

        assertEquals(List.of(Slot.OPERATIONS, Slot.NAME, Slot.STACK, Slot.TARGET), asked.stream().map(Question::slot).toList());
        assertEquals(List.of(3, 2, 1, 0), asked.stream().map(Question::remainingAfter).toList());
        assertEquals("node-express", ready.spec().stack());
        assertTrue(ready.spec().isComplete());
    }

    @Test
    void remainingAfterNeverPromisesMoreThanTheQuestionsLeft() {
        InterviewStep.Ask step = new Interview(2).ask("hi");

        assertEquals(1, step.question().remainingAfter());
    }

    @Test
    void anInterviewNeverAsksMoreQuestionsThanAllowed() {
        Interview interview = new Interview(3);
        InterviewStep step = interview.say("hi");
        int asked = 0;
        while (step instanceof InterviewStep.Ask) {
            asked++;
            step = interview.say("???");
        }

        assertEquals(3, asked);
        assertTrue(step.spec().isComplete());
    }

    @Test
    void noQuestionsLeftMeansReadyWithEveryGapFilledAndStated() {
        InterviewStep step = new OfflineInterviewer().step(Spec.empty(), null, TODO, 0);

        InterviewStep.Ready ready = (InterviewStep.Ready) step;
        assertTrue(ready.spec().isComplete());
        assertTrue(ready.spec().assumptions().contains("Operations: all of create, read, list, update, delete (default)"));
    }

    @Test
    void theLastAllowedAnswerLeadsToReadyEvenWithSlotsOpen() {
        Interview interview = new Interview(1);
        interview.ask(TODO);

        InterviewStep.Ready ready = interview.ready("read-only");

        assertTrue(ready.spec().isComplete());
        assertEquals("todo-service", ready.spec().name());
        assertTrue(ready.spec().assumptions().contains("Name: todo-service (from the idea)"), ready.spec().assumptions()::toString);
    }

    @Test
    void questionsWithFewAnswersOfferChoices() {
        Interview interview = new Interview(6);

        Question operations = interview.ask(TODO).question();
        Question name = interview.ask("all").question();
        Question stack = interview.ask("todo-service").question();
        Question target = interview.ask(stack.choices().get(1)).question();

        assertEquals(List.of("all (create, read, list, update, delete)", "read-only (read, list)", "no delete"), operations.choices());
        assertEquals(List.of("todo-service", "todo-api"), name.choices());
        assertEquals(List.of("java-rest (Java 21 REST service: Helidon SE, Jackson, Maven)",
                "node-express (Node.js + Express: Node 20+, Express 5, npm)"), stack.choices());
        assertEquals(List.of("local"), target.choices());
        assertEquals("node-express", interview.spec().stack());
    }

    @Test
    void anIdeaThatNamesNothingToStoreGetsOneQuestionWithExamplesToPickAndSomethingElse() {
        Interview interview = new Interview(6);

        Question what = interview.ask("something cool for my team").question();

        assertEquals(Slot.ENTITIES, what.slot());
        assertTrue(what.text().startsWith("What does it store?"), what.text());
        assertEquals("something else", what.choices().getLast());
        assertTrue(interview.spec().entities().isEmpty(), interview.spec().entities()::toString);

        Question again = interview.ask("something else").question();
        assertEquals(Slot.ENTITIES, again.slot());
        assertTrue(interview.spec().entities().isEmpty(), interview.spec().entities()::toString);

        interview.ask(what.choices().getFirst());
        assertEquals(List.of("Task"), interview.spec().entities().stream().map(e -> e.name()).toList());
    }

    @Test
    void skipAfterAnIdeaThatNamesThingsKeepsThemAndInventsNoItem() {
        OfflineInterviewer interviewer = new OfflineInterviewer();
        InterviewStep idea = interviewer.step(Spec.empty(), null, "a library where members borrow books", 6);

        InterviewStep skipped = interviewer.step(idea.spec(), ((InterviewStep.Ask) idea).question(), "skip", 5);

        assertTrue(skipped instanceof InterviewStep.Ready, skipped::toString);
        List<String> names = skipped.spec().entities().stream().map(e -> e.name()).toList();
        assertTrue(names.containsAll(List.of("Member", "Book", "Loan")), names::toString);
        assertFalse(names.contains("Item"), names::toString);
    }

    @Test
    void everyQuestionSaysWhatIsAskedWithAnExample() {
        Interview interview = new Interview(10);
        List<Question> asked = new ArrayList<>();
        for (String answer : List.of("hi", "tasks", "title text", "all", "todo-service", "java", "local")) {
            asked.add(interview.ask(answer).question());
        }

        assertEquals(List.of(Slot.ENTITIES, Slot.FIELDS, Slot.OPERATIONS, Slot.NAME, Slot.STACK, Slot.TARGET, Slot.PURPOSE),
                asked.stream().map(Question::slot).toList());
        for (Question q : asked) {
            assertTrue(q.text().contains("?") && q.text().contains("e.g."), q.text());
        }
        assertTrue(asked.get(1).text().startsWith("What fields does a Task have?"), asked.get(1).text());
    }

    @Test
    void fieldsAreAskedEntityByEntity() {
        Interview interview = new Interview(6);
        InterviewStep.Ask person = interview.ask("a crm to manage people, companies and deals");
        InterviewStep.Ask company = interview.ask("name, email");
        InterviewStep.Ask deal = interview.ask("Company: name, website");

        assertTrue(person.question().text().contains("a Person"), person.question().text());
        assertTrue(company.question().text().contains("a Company"), company.question().text());
        assertTrue(deal.question().text().contains("a Deal"), deal.question().text());
        assertEquals(List.of(5, 4, 3), List.of(person.question().remainingAfter(), company.question().remainingAfter(),
                deal.question().remainingAfter()));
    }

    @Test
    void theStackQuestionNamesEveryStackAndAnUnknownAnswerIsAskedAgain() {
        Interview interview = new Interview(8);
        interview.ask(TODO);
        interview.ask("all");

        InterviewStep.Ask stack = interview.ask("todo-service");
        InterviewStep.Ask again = interview.ask("cobol");

        assertEquals("Which stack should I build it with? I can build java-rest or node-express; e.g. \"java-rest\".",
                stack.question().text());
        assertEquals(Slot.STACK, again.question().slot());
        assertEquals("I don't know the stack \"cobol\". Stacks I can build: java-rest, node-express.", again.note());
    }

    @Test
    void youChooseOnTheStackQuestionTakesJavaRestAndSaysSo() {
        Interview interview = new Interview(8);
        interview.ask(TODO);
        interview.ask("all");
        interview.ask("todo-service");

        InterviewStep.Ask target = interview.ask("you choose");

        assertEquals("java-rest", target.spec().stack());
        assertTrue(target.spec().assumptions().contains("Stack: java-rest (default)"), target.spec().assumptions()::toString);
    }

    @Test
    void withSeveralStacksTheStackIsAskedWithTheirLabelsAsChoices() {
        StackCatalog catalog = new StackCatalog(List.of(StackCatalog.builtIn().defaultStack(),
                new StackOption("kotlin-rest", "kotlin-rest (Kotlin REST service)", List.of("kotlin"),
                        List.of("in-memory", "postgres"), "gradle test")));
        Interview interview = new Interview(new OfflineInterviewer(catalog), 8);
        interview.ask(TODO);
        interview.ask("all");

        InterviewStep.Ask stack = interview.ask("todo-service");
        InterviewStep.Ask persistence = interview.ask("kotlin please");

        assertEquals(Slot.STACK, stack.question().slot());
        assertEquals(List.of("java-rest (Java 21 REST service: Helidon SE, Jackson, Maven)", "kotlin-rest (Kotlin REST service)"),
                stack.question().choices());
        assertEquals("kotlin-rest", persistence.spec().stack());
        assertEquals(Slot.PERSISTENCE, persistence.question().slot());
        assertEquals(List.of("in-memory", "postgres"), persistence.question().choices());
        assertEquals("postgres", interview.ask("postgres").spec().persistence());
    }
}
