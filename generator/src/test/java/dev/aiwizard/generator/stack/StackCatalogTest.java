package dev.aiwizard.generator.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StackCatalogTest {
    @Test
    void theBuiltInCatalogOffersTheJavaRestStackKeepingDataInMemory() {
        StackCatalog catalog = StackCatalog.builtIn();

        assertEquals("java-rest", catalog.defaultStack().id());
        assertEquals(List.of("in-memory"), catalog.persistenceOptions("java-rest"));
        assertEquals("mvn -B test", catalog.defaultStack().testCommand());
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
