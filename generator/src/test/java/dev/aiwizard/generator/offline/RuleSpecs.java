package dev.aiwizard.generator.offline;

import dev.aiwizard.core.spec.Entity;
import dev.aiwizard.core.spec.Field;
import dev.aiwizard.core.spec.FieldType;
import java.util.List;

/** The specs with rules (references, allowed values, ranges, read-only) that both stacks' project tests build. */
final class RuleSpecs {
    private RuleSpecs() {
    }

    /** "customers open tickets with a priority (low, normal, high); agents add comments to tickets". */
    static List<Entity> helpdesk() {
        Entity ticket = new Entity("Ticket", List.of(new Field("subject", FieldType.TEXT),
                Field.oneOf("priority", List.of("low", "normal", "high")),
                new Field("severity", FieldType.INTEGER, null, List.of(), 1L, 5L),
                new Field("reporterEmail", FieldType.EMAIL), new Field("link", FieldType.URL)));
        Entity comment = new Entity("Comment", List.of(new Field("body", FieldType.TEXT), Field.reference("ticketId", "Ticket")));
        return List.of(ticket, comment);
    }

    /** "members with a name and email borrow books with a title and a rating from 1 to 5". */
    static List<Entity> library() {
        Entity member = new Entity("Member", List.of(new Field("name", FieldType.TEXT), new Field("email", FieldType.EMAIL)));
        Entity book = new Entity("Book", List.of(new Field("title", FieldType.TEXT),
                new Field("rating", FieldType.INTEGER, null, List.of(), 1L, 5L),
                new Field("price", FieldType.DECIMAL, null, List.of(), 0L, null)));
        Entity loan = new Entity("Loan", List.of(Field.reference("memberId", "Member"), Field.reference("bookId", "Book"),
                new Field("dueDate", FieldType.DATE)));
        return List.of(loan, member, book);
    }

    /**
     * "make tickets read-only; the email, score, kind, pinned flag and ticket of a comment can't be changed": a
     * read-only entity referring to a writable one, and read-only fields of every kind, one of which (a single allowed
     * value) has no other value to try.
     */
    static List<Entity> readOnlyParts() {
        Entity customer = new Entity("Customer", List.of(new Field("name", FieldType.TEXT)));
        Entity ticket = new Entity("Ticket", List.of(new Field("subject", FieldType.TEXT),
                Field.oneOf("priority", List.of("low", "high")), Field.reference("customerId", "Customer")), true);
        Entity comment = new Entity("Comment", List.of(new Field("body", FieldType.TEXT),
                new Field("authorEmail", FieldType.EMAIL).withReadOnly(true), new Field("score", FieldType.DECIMAL).withReadOnly(true),
                Field.oneOf("kind", List.of("note", "answer")).withReadOnly(true), new Field("pinned", FieldType.BOOLEAN).withReadOnly(true),
                new Field("postedOn", FieldType.DATE).withReadOnly(true), Field.reference("ticketId", "Ticket").withReadOnly(true),
                Field.oneOf("channel", List.of("web")).withReadOnly(true)));
        Entity label = new Entity("Label", List.of(new Field("name", FieldType.TEXT), Field.oneOf("scope", List.of("all")).withReadOnly(true)));
        return List.of(customer, ticket, comment, label);
    }
}
