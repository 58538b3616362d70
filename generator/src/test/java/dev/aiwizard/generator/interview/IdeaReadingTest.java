package dev.aiwizard.generator.interview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.core.conversation.InterviewStep;
import dev.aiwizard.core.spec.Entity;
import dev.aiwizard.core.spec.Field;
import dev.aiwizard.core.spec.FieldType;
import dev.aiwizard.core.spec.Operation;
import dev.aiwizard.core.spec.Slot;
import dev.aiwizard.core.spec.Spec;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class IdeaReadingTest {
    private static final String TODO = "a todo service where people manage tasks with a title and a done flag";

    @Test
    void theTodoIdeaYieldsATaskWithATitleAndADoneFlagWithoutAskingAboutThem() {
        InterviewStep.Ask step = new Interview(6).ask(TODO);

        assertEquals(List.of(new Entity("Task", List.of(new Field("title", FieldType.TEXT), new Field("done", FieldType.BOOLEAN)))),
                step.spec().entities());
        assertEquals(Slot.OPERATIONS, step.question().slot());
        assertEquals(TODO, step.spec().purpose());
        assertNull(step.note());
    }

    @Test
    void theIdeaSuggestsTheProjectName() {
        Interview interview = new Interview(6);
        interview.ask(TODO);

        InterviewStep.Ask name = interview.ask("all");

        assertEquals(Slot.NAME, name.question().slot());
        assertEquals(List.of("todo-service", "todo-api"), name.question().choices());
    }

    @ParameterizedTest(name = "\"{0}\" -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "a title | title | TEXT",
            "a done flag | done | BOOLEAN",
            "whether it is urgent | urgent | BOOLEAN",
            "a due date | dueDate | DATE",
            "a birthday | birthday | DATE",
            "a createdAt | createdAt | TIMESTAMP",
            "a start time | startTime | TIMESTAMP",
            "a price | price | DECIMAL",
            "a total cost | totalCost | DECIMAL",
            "a quantity | quantity | INTEGER",
            "the number of pages | pages | INTEGER",
            "a phone number | phoneNumber | TEXT",
            "notes | notes | TEXT"})
    void fieldTypesAreGuessedFromTheirNames(String phrase, String name, FieldType type) {
        Spec spec = new Interview(6).say("an app to manage tickets with " + phrase).spec();

        assertEquals(List.of(new Field(name, type)), spec.entities().getFirst().fields());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "A bookmark manager: bookmarks have a url, a title and tags | Bookmark(url url, title text, tags text)",
            "an api for events: name text, starts timestamp, capacity int, online bool, fee decimal"
                    + " | Event(name text, starts timestamp, capacity integer, online boolean, fee decimal)",
            "a blog with posts (title, body, published flag) | Post(title text, body text, published boolean)",
            "We need an API for our team to manage projects and their tasks | Project(), Task()",
            "Users with an email and a display name | User(email email, displayName text)",
            "an author has a name and a birthday | Author(name text, birthday date)",
            "I want to keep track of my workouts with a date and a duration in minutes"
                    + " | Workout(date date, duration integer)"})
    void commonPhrasingsAreUnderstood(String idea, String expected) {
        Spec spec = new Interview(6).say(idea).spec();

        assertEquals(expected, String.join(", ", spec.entities().stream().map(e -> e.name() + "("
                + String.join(", ", e.fields().stream().map(f -> f.name() + " " + f.type().label()).toList()) + ")").toList()));
    }

    @Test
    void anExplicitListGivesNamesAndTypes() {
        Spec spec = new Interview(6).say("book: title text, pages integer, published date").spec();

        assertEquals(List.of(new Entity("Book", List.of(new Field("title", FieldType.TEXT),
                new Field("pages", FieldType.INTEGER), new Field("published", FieldType.DATE)))), spec.entities());
    }

    @Test
    void nameColonTypePairsAreRead() {
        Spec spec = new Interview(6).say("track tasks with title:string, done:bool, price (decimal)").spec();

        assertEquals(List.of(new Field("title", FieldType.TEXT), new Field("done", FieldType.BOOLEAN),
                new Field("price", FieldType.DECIMAL)), spec.entities().getFirst().fields());
    }

    @Test
    void severalEntitiesAreFoundAndTheFirstOneWithoutFieldsIsAskedAbout() {
        InterviewStep.Ask step = new Interview(6).ask("a library app to track books and authors");

        assertEquals(List.of("Book", "Author"), step.spec().entities().stream().map(Entity::name).toList());
        assertEquals(Slot.FIELDS, step.question().slot());
        assertTrue(step.question().text().contains("Book"), step.question().text());
    }

    @Test
    void eachEntityKeepsItsOwnFields() {
        Spec spec = new Interview(6).say("a library service to manage books with a title and a page count, "
                + "and authors with a name and a birth date").spec();

        assertEquals(List.of(
                new Entity("Book", List.of(new Field("title", FieldType.TEXT), new Field("pageCount", FieldType.INTEGER))),
                new Entity("Author", List.of(new Field("name", FieldType.TEXT), new Field("birthDate", FieldType.DATE)))),
                spec.entities());
    }

    @Test
    void sentencesAboutOneEntityAddToIt() {
        Spec spec = new Interview(6).say("Todo app: tasks with a title. Each task has a due date.").spec();

        assertEquals(List.of(new Field("title", FieldType.TEXT), new Field("dueDate", FieldType.DATE)),
                spec.entities().getFirst().fields());
    }

    @Test
    void aSecondVerbStartsAnotherEntityInsteadOfAddingAField() {
        Spec spec = new Interview(6).say("a shop where customers browse products with a name and a price and place orders").spec();

        assertEquals(List.of(new Entity("Product", List.of(new Field("name", FieldType.TEXT), new Field("price", FieldType.DECIMAL))),
                new Entity("Order", List.of())), spec.entities());
    }

    @Test
    void pluralsBecomeSingularEntityNames() {
        Spec spec = new Interview(6).say("an app to manage categories, boxes, people and todo items").spec();

        assertEquals(List.of("Category", "Box", "Person", "TodoItem"), spec.entities().stream().map(Entity::name).toList());
    }

    @Test
    void anIdFieldIsLeftOutAndTheNoteSaysWhy() {
        InterviewStep.Ask step = new Interview(6).ask("manage tasks with an id and a title");

        assertEquals(List.of(new Field("title", FieldType.TEXT)), step.spec().entities().getFirst().fields());
        assertTrue(step.note().contains("\"id\"") && step.note().contains("gives every record an id"), step.note());
    }

    @Test
    void anUnknownTypeInTheIdeaIsMentionedInTheNote() {
        InterviewStep.Ask step = new Interview(6).ask("manage tasks with a title:colour and a due date");

        assertEquals(List.of(new Field("dueDate", FieldType.DATE)), step.spec().entities().getFirst().fields());
        assertEquals("I couldn't read a type from \"title:colour\". Types I know: text, integer, decimal, boolean, date, timestamp, email, url.",
                step.note());
    }

    @Test
    void aNameTargetAndOperationsStatedInTheIdeaAreTaken() {
        InterviewStep step = new Interview(6).say("a read-only catalog of movies with a title, called film-db, "
                + "push to https://github.com/acme/films.git");

        assertEquals("film-db", step.spec().name());
        assertEquals(Set.of(Operation.READ, Operation.LIST), step.spec().operations());
        assertEquals("https://github.com/acme/films.git", step.spec().target());
        assertEquals(List.of(new Entity("Movie", List.of(new Field("title", FieldType.TEXT)))), step.spec().entities());
    }

    @Test
    void persistenceWithOneOptionIsFilledAndNotAskedWhileTheStackIsAsked() {
        Interview interview = new Interview(6);
        InterviewStep step = interview.say(TODO);
        List<Slot> asked = new java.util.ArrayList<>();
        while (step instanceof InterviewStep.Ask ask) {
            asked.add(ask.question().slot());
            step = interview.say("you choose");
        }

        assertTrue(asked.contains(Slot.STACK), asked::toString);
        assertFalse(asked.contains(Slot.PERSISTENCE), asked::toString);
        assertEquals("java-rest", step.spec().stack());
        assertEquals("in-memory", step.spec().persistence());
        assertTrue(step.spec().assumptions().contains("Stack: java-rest (default)"), step.spec().assumptions()::toString);
        assertTrue(step.spec().assumptions().contains("Persistence: in-memory (the only option available)"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a node service where people manage tasks with a title | node-express",
            "a todo api in express where people manage tasks with a title | node-express",
            "a Node.js todo list where people manage tasks with a title | node-express",
            "a javascript backend to manage tasks with a title | node-express",
            "a todo service on node-express where people manage tasks with a title | node-express",
            "a java service where people manage tasks with a title | java-rest",
            "a helidon api to manage tasks with a title | java-rest"})
    void aStackNamedInTheIdeaIsTakenAndNotAsked(String idea, String stack) {
        Interview interview = new Interview(8);
        InterviewStep step = interview.say(idea);
        assertEquals(stack, step.spec().stack());
        assertEquals(List.of(new Entity("Task", List.of(new Field("title", FieldType.TEXT)))), step.spec().entities());
        while (step instanceof InterviewStep.Ask ask) {
            assertNotEquals(Slot.STACK, ask.question().slot());
            step = interview.say("you choose");
        }
        assertEquals(stack, step.spec().stack());
        assertFalse(step.spec().assumptions().stream().anyMatch(a -> a.startsWith("Stack:")), step.spec().assumptions()::toString);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a courier app to manage express deliveries with a tracking code",
            "a graph editor where each node has a label",
            "a family tree where people manage persons with a name, each node has a parent",
            "a shop with a vue.js frontend where people manage products with a name",
            "a service to move our java app to node.js where people manage tasks"})
    void ordinaryWordsOrTwoStacksDoNotChooseAStack(String idea) {
        assertNull(new Interview(8).say(idea).spec().stack());
    }

    @Test
    void aDataStoreNoTemplateOffersIsMentioned() {
        InterviewStep.Ask step = new Interview(6).ask(TODO + ", stored in PostgreSQL");

        assertTrue(step.note().contains("PostgreSQL") && step.note().contains("in-memory"), step.note());
        assertEquals("in-memory", step.spec().persistence());
    }

    @Test
    void anEmptyIdeaLeavesThePurposeToBeAskedLast() {
        Interview interview = new Interview(10);
        InterviewStep.Ask first = interview.ask("hi");
        assertNull(first.spec().purpose());
        assertEquals(Slot.ENTITIES, first.question().slot());

        interview.ask("tasks with a title");
        interview.ask("all");
        interview.ask("todo-service");
        interview.ask("node-express");
        InterviewStep.Ask purpose = interview.ask("local");

        assertEquals(Slot.PURPOSE, purpose.question().slot());
        assertEquals("a list of chores for the family", interview.ready("a list of chores for the family").spec().purpose());
    }
}
