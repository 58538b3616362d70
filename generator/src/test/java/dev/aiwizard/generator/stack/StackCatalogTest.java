package dev.aiwizard.generator.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StackCatalogTest {
    @Test
    void theBuiltInCatalogOffersJavaRestFirstAndNodeExpressBothKeepingDataInMemory() {
        StackCatalog catalog = StackCatalog.builtIn();

        assertEquals(List.of("java-rest", "node-express"), catalog.stacks().stream().map(StackOption::id).toList());
        assertEquals("java-rest", catalog.defaultStack().id());
        assertEquals("mvn -B test", catalog.defaultStack().testCommand());
        StackOption node = catalog.find("node-express").orElseThrow();
        assertEquals(List.of("in-memory"), node.persistence());
        assertEquals("npm install && npm test", node.testCommand());
        assertTrue(node.keywords().containsAll(List.of("node", "express", "javascript", "js")), node.keywords()::toString);
        assertEquals(List.of("in-memory"), catalog.persistenceOptions(null));
    }

    @Test
    void noKeywordNamesBothBuiltInStacks() {
        List<StackOption> stacks = StackCatalog.builtIn().stacks();

        assertTrue(stacks.getFirst().keywords().stream().noneMatch(stacks.getLast().keywords()::contains));
    }

    @Test
    void withNoStackChosenThePersistenceOptionsOfAllStacksAreOpen() {
        StackCatalog catalog = new StackCatalog(List.of(
                new StackOption("a", "a", List.of(), List.of("in-memory"), "test"),
                new StackOption("b", "b", List.of(), List.of("in-memory", "postgres"), "test")));

        assertEquals(List.of("in-memory", "postgres"), catalog.persistenceOptions(null));
        assertEquals(List.of("in-memory"), catalog.persistenceOptions("a"));
        assertTrue(catalog.find("c").isEmpty());
    }

    @Test
    void aStackNeedsAPersistenceOption() {
        assertThrows(IllegalArgumentException.class, () -> new StackOption("a", "a", List.of(), List.of(), "test"));
    }
}
