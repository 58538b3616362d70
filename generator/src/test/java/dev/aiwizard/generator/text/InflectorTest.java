package dev.aiwizard.generator.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InflectorTest {
    @ParameterizedTest(name = "{0} <-> {1}")
    @CsvSource({"task, tasks", "category, categories", "box, boxes", "person, people", "address, addresses",
            "status, statuses", "match, matches", "day, days", "child, children", "movie, movies", "note, notes",
            "house, houses", "hero, heroes", "series, series", "Book, Books"})
    void singularAndPluralAreEachOthersForms(String singular, String plural) {
        assertEquals(plural, Inflector.plural(singular));
        assertEquals(singular, Inflector.singular(plural));
    }

    @Test
    void singularWordsStaySingular() {
        for (String word : List.of("inventory", "class", "bus", "analysis", "news", "staff")) {
            assertEquals(word, Inflector.singular(word));
        }
    }

    @Test
    void pluralsAreRecognised() {
        assertTrue(Inflector.isPlural("books"));
        assertTrue(Inflector.isPlural("people"));
        assertFalse(Inflector.isPlural("book"));
    }

    @Test
    void camelCaseSplitsIntoWords() {
        assertEquals(List.of("Todo", "Item"), Inflector.camelWords("TodoItem"));
        assertEquals(List.of("due", "Date"), Inflector.camelWords("dueDate"));
        assertEquals(List.of("ISBN", "Code"), Inflector.camelWords("ISBNCode"));
    }
}
