package dev.aiwizard.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the "I changed: ..." reply and the spec summary say about read-only entities and fields. */
class SpecChangesTest {
    private static final Field EMAIL = new Field("email", FieldType.EMAIL);
    private static final Spec CLUB = new Spec("club", "a club", List.of(new Entity("Member", List.of(EMAIL)),
            new Entity("Ticket", List.of(new Field("subject", FieldType.TEXT)))), EnumSet.allOf(Operation.class),
            "java-rest", "in-memory", "local", List.of());

    private static Spec edit(Spec spec, String entity, java.util.function.UnaryOperator<Entity> change) {
        return spec.withEntities(spec.entities().stream().map(e -> e.name().equals(entity) ? change.apply(e) : e).toList());
    }

    @Test
    void makingAnEntityReadOnlyAndBackIsSaidInWords() {
        Spec locked = edit(CLUB, "Ticket", e -> e.withReadOnly(true));

        assertEquals(List.of("made Ticket read-only"), SpecChanges.describe(CLUB, locked));
        assertEquals(List.of("Ticket can be changed again"), SpecChanges.describe(locked, CLUB));
    }

    @Test
    void makingAFieldReadOnlyIsSaidAsSuchNotAsANewType() {
        Spec locked = edit(CLUB, "Member", e -> e.withOnly(List.of(EMAIL.withReadOnly(true))));

        assertEquals(List.of("in Member, email is now read-only"), SpecChanges.describe(CLUB, locked));
        assertEquals(List.of("in Member, email can be changed again"), SpecChanges.describe(locked, CLUB));
    }

    @Test
    void aReadOnlyEntityKeepsOnlyReadingAndListingOfTheSpecsOperations() {
        Entity ticket = new Entity("Ticket", List.of(), true);

        assertEquals(Set.of(Operation.READ, Operation.LIST), CLUB.operationsOf(ticket));
        assertEquals(Set.of(Operation.LIST), CLUB.withOperations(EnumSet.of(Operation.LIST, Operation.CREATE)).operationsOf(ticket));
        assertEquals(CLUB.operations(), CLUB.operationsOf(ticket.withReadOnly(false)));
    }

    @Test
    void theSummaryMarksReadOnlyEntitiesAndFields() {
        Spec locked = edit(edit(CLUB, "Ticket", e -> e.withReadOnly(true)), "Member", e -> e.withOnly(List.of(EMAIL.withReadOnly(true))));

        String md = SpecMarkdown.render(locked);

        assertTrue(md.contains("- **Member**: email (email, read-only)"), md);
        assertTrue(md.contains("- **Ticket** (read-only: read and list only): subject (text)"), md);
    }

    @Test
    void editsOfAReadOnlyEntityKeepItReadOnly() {
        Entity ticket = new Entity("Ticket", List.of(), true);

        assertTrue(ticket.withName("Issue").readOnly());
        assertTrue(ticket.withFields(List.of(EMAIL)).readOnly());
        assertTrue(ticket.withOnly(List.of(EMAIL)).readOnly());
        assertTrue(EMAIL.withReadOnly(true).withName("contact").withType(FieldType.TEXT).readOnly());
    }
}
