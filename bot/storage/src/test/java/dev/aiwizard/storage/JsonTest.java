package dev.aiwizard.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.aiwizard.core.chat.MessageRef;
import dev.aiwizard.core.chat.ThreadRef;
import dev.aiwizard.core.conversation.Question;
import dev.aiwizard.core.spec.Entity;
import dev.aiwizard.core.spec.Field;
import dev.aiwizard.core.spec.FieldType;
import dev.aiwizard.core.spec.Spec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The documents kept as JSON read back exactly as they were written. */
class JsonTest {

    @Test
    void aFullSpecReadsBackEqual() {
        Spec spec = Fixtures.spec();

        String json = Json.write(spec);

        assertEquals(spec, Json.read(json, Spec.class));
        assertFalse(json.contains("complete"), json);
    }

    @Test
    void aChosenModelReadsBackAndSpecsStoredBeforeModelsExistedReadWithout() {
        Spec chosen = Fixtures.spec().withModel("llama3.1:8b");
        assertEquals(chosen, Json.read(Json.write(chosen), Spec.class));

        String older = Json.write(Fixtures.spec()).replace(",\"model\":null", "");
        assertFalse(older.contains("model"), older);
        assertEquals(Fixtures.spec(), Json.read(older, Spec.class));
    }

    @Test
    void referencesAllowedValuesAndRangesReadBackAndFieldsStoredBeforeThemReadAsPlainFields() {
        Spec related = Fixtures.spec().withEntities(List.of(
                new Entity("Ticket", List.of(Field.oneOf("priority", List.of("low", "high")),
                        new Field("severity", FieldType.INTEGER, null, List.of(), 1L, 5L), new Field("contact", FieldType.EMAIL))),
                new Entity("Comment", List.of(Field.reference("ticketId", "Ticket")))));
        assertEquals(related, Json.read(Json.write(related), Spec.class));

        String older = Json.write(Fixtures.spec()).replaceAll(",\"references\":null,\"values\":\\[\\],\"min\":null,\"max\":null", "");
        assertFalse(older.contains("references"), older);
        assertEquals(Fixtures.spec(), Json.read(older, Spec.class));
    }

    @Test
    void readOnlyEntitiesAndFieldsReadBackAndSpecsStoredBeforeTheFlagReadAsChangeable() {
        Spec locked = Fixtures.spec().withEntities(List.of(
                new Entity("Country", List.of(new Field("code", FieldType.TEXT).withReadOnly(true)), true),
                new Entity("City", List.of(new Field("name", FieldType.TEXT)))));
        assertEquals(locked, Json.read(Json.write(locked), Spec.class));

        String older = Json.write(Fixtures.spec()).replace(",\"readOnly\":false", "");
        assertFalse(older.contains("readOnly"), older);
        assertEquals(Fixtures.spec(), Json.read(older, Spec.class));
    }

    @Test
    void anEmptySpecReadsBackEmpty() {
        assertEquals(Spec.empty(), Json.read(Json.write(Spec.empty()), Spec.class));
    }

    @Test
    void questionsAndMessageReferencesReadBackEqual() {
        Question q = Fixtures.question();
        MessageRef ref = new MessageRef(new ThreadRef("discord", "123", "456"), "789");

        assertEquals(q, Json.read(Json.write(q), Question.class));
        assertEquals(ref, Json.read(Json.write(ref), MessageRef.class));
    }

    @Test
    void fieldsWrittenByANewerVersionAreIgnored() {
        String json = "{\"slot\":\"NAME\",\"text\":\"Name?\",\"choices\":[],\"remainingAfter\":0,\"hint\":\"new\"}";

        assertEquals("Name?", Json.read(json, Question.class).text());
        assertNull(Json.write(null));
    }
}
