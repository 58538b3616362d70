package dev.aiwizard.generator.interview;

import dev.aiwizard.core.spec.Entity;
import dev.aiwizard.core.spec.Field;
import dev.aiwizard.core.spec.Operation;
import dev.aiwizard.core.spec.Spec;
import dev.aiwizard.generator.text.Inflector;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies a change request made after the summary: "read-only", "rename to shop-api", "use node", "also manage
 * categories with a name", and the entity and field edits of {@link EntityEdits}.
 */
final class ChangeReader {
    private static final String OPS = "(?:create|read|list|update|delete)";
    private static final String OP_LIST = OPS + "(?:\\s*(?:,|and|&)\\s*" + OPS + ")*";
    private static final Pattern ADD_OPS = Pattern.compile("^(?:also\\s+)?(?:add|enable|allow)\\s+(?:the\\s+)?(" + OP_LIST
            + ")(?:\\s+(?:operations?|endpoints?))?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern REMOVE_OPS = Pattern.compile("^(?:remove|drop|disable|disallow|no|without|forbid)\\s+(?:the\\s+)?("
            + OP_LIST + ")(?:\\s+(?:operations?|endpoints?))?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern ONLY_OPS = Pattern.compile("^(?:only\\s+|just\\s+)?" + OP_LIST + "(?:\\s+only)?$"
            + "|^(?:(?:allow|make it|use)\\s+)?(?:all(?: operations| endpoints| of them)?|full crud|crud|everything)$"
            + "|^(?:make it\\s+)?read[- ]?only$", Pattern.CASE_INSENSITIVE);
    private static final Pattern RENAME_PROJECT = Pattern.compile("^(?:rename(?: it| the project| the service)?\\s+to|call it|name it"
            + "|change the name to|the name should be|name should be|use the name)\\s+(.+)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern USE_STACK = Pattern.compile("^(?:use|switch to|change the stack to|move to|port it to"
            + "|build it (?:with|in|on)|make it|(?:write it |do it )?in)\\s+(.+?)(?:\\s+instead)?$", Pattern.CASE_INSENSITIVE);
    /** "remove total and add an amount": several changes in one message, each read on its own. */
    private static final Pattern SEVERAL = Pattern.compile("\\s*(?:,|;|\\band\\b|\\bthen\\b)+\\s*(?:then\\s+|also\\s+)?"
            + "(?=(?:please\\s+)?(?:add|remove|drop|delete|rename|make|change|also|use|switch|call it|link)\\b)", Pattern.CASE_INSENSITIVE);
    private static final Pattern NEW_ENTITY = Pattern.compile("^(?:also\\s+)?(?:add|create|include)\\s+(?:an?\\s+)?(?:new\\s+)?"
            + "(?:entity\\s+(?:called\\s+|named\\s+)?([A-Za-z]+)|([A-Za-z]+)\\s+entity)\\b(.*)$", Pattern.CASE_INSENSITIVE);
    /** "link each comment to a ticket": the same as "each comment belongs to a ticket". */
    private static final Pattern LINK = Pattern.compile("^(?:link|connect|attach|relate)\\s+(?:each|every|all|all the|the|an?)?\\s*(.+?)"
            + "\\s+(?:to|with)\\s+(?:an?|the|its|their|one)?\\s*(.+)$", Pattern.CASE_INSENSITIVE);
    /** "... and rename it to contact": "it" is the field the part before changed. */
    private static final Pattern IT = Pattern.compile("^((?:please\\s+)?(?:rename|make|change|set|turn|remove|drop|delete|mark))\\s+(?:it|that)\\b(.*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern POLITE = Pattern.compile("^(?:please|pls|can you|could you|and|then)\\s+", Pattern.CASE_INSENSITIVE);

    private final Readers r;
    private final EntityEdits edits;

    ChangeReader(Readers readers) {
        this.r = readers;
        this.edits = new EntityEdits(readers);
    }

    /**
     * What a change request did: whether it was understood, and the request as read, with each "it" that meant a field
     * replaced by the field ("rename it to contact" after "make phone an email" reads "rename phone to contact").
     */
    record Applied(boolean understood, String text) {
    }

    /** Applies {@code text} to the draft. */
    Applied apply(Draft d, String text) {
        String[] parts = SEVERAL.split(Words.trimPunctuation(text));
        boolean understood = false;
        String touched = null;
        List<String> read = new ArrayList<>();
        for (String part : parts) {
            Spec before = d.spec();
            Matcher it = IT.matcher(part.trim());
            String request = touched != null && it.matches() ? it.group(1) + " " + touched + it.group(2) : part;
            understood |= applyOne(d, request);
            read.add(request.trim());
            touched = touchedField(before, d.spec());
        }
        return new Applied(understood, String.join("; ", read));
    }

    private boolean applyOne(Draft d, String text) {
        String t = POLITE.matcher(Words.trimPunctuation(text)).replaceFirst("").trim();
        Matcher entity = NEW_ENTITY.matcher(t);
        if (entity.matches()) {
            // "add an entity book with a title", "add an author entity": the word "entity" is no part of the name.
            t = "also manage " + Inflector.plural(entity.group(1) != null ? entity.group(1) : entity.group(2)) + entity.group(3);
        }
        List<Predicate<String>> attempts = List.of(s -> operations(d, s), s -> ReadOnlyReader.change(d, s, r.texts()), s -> edits.renameThing(d, s),
                s -> renameProject(d, s), s -> stack(d, s), s -> edits.addTo(d, s), s -> edits.add(d, s),
                s -> edits.remove(d, s), s -> edits.retype(d, s), s -> edits.constrain(d, s), s -> prose(d, s));
        Matcher link = LINK.matcher(t);
        if (link.matches()) {
            t = "each " + link.group(1) + " belongs to a " + link.group(2);
        }
        String request = t;
        return attempts.stream().anyMatch(a -> a.test(request));
    }

    /** The one field a change added or altered (its name afterwards), or null when it was not exactly one. */
    private static String touchedField(Spec before, Spec after) {
        List<String> touched = new ArrayList<>();
        for (Entity e : after.entities()) {
            Entity was = before.entities().stream().filter(b -> b.name().equals(e.name())).findFirst().orElse(null);
            for (Field f : e.fields()) {
                if (was == null || !was.fields().contains(f)) {
                    touched.add(Words.lower(String.join(" ", Inflector.camelWords(f.name()))));
                }
            }
        }
        return touched.size() == 1 ? touched.getFirst() : null;
    }

    private boolean operations(Draft d, String t) {
        Set<Operation> next = d.spec().operations().isEmpty() ? EnumSet.noneOf(Operation.class) : EnumSet.copyOf(d.spec().operations());
        Matcher add = ADD_OPS.matcher(t);
        Matcher remove = REMOVE_OPS.matcher(t);
        if (add.matches()) {
            next.addAll(OperationsReader.read(add.group(1)).orElseThrow());
        } else if (remove.matches()) {
            next.removeAll(OperationsReader.read(remove.group(1)).orElseThrow());
        } else if (ONLY_OPS.matcher(t).matches()) {
            next = OperationsReader.read(t).orElseThrow();
        } else {
            return false;
        }
        if (next.isEmpty()) {
            d.note(r.texts().get("note.noOperations", "text", t));
        } else {
            d.update(d.spec().withOperations(next));
        }
        return true;
    }

    private boolean renameProject(Draft d, String t) {
        Matcher m = RENAME_PROJECT.matcher(t);
        if (!m.matches()) {
            return false;
        }
        NameReader.Answer answer = r.names().read(m.group(1), d.spec());
        answer.name().ifPresent(n -> d.update(d.spec().withName(n)));
        d.note(answer.note());
        return true;
    }

    /** "use node", "switch to express", "make it java": only when the rest names a stack, else another edit may fit. */
    private boolean stack(Draft d, String t) {
        Matcher m = USE_STACK.matcher(t);
        if (!m.matches()) {
            return false;
        }
        var stack = r.options().stack(m.group(1));
        stack.ifPresent(s -> d.update(r.withStack(d.spec(), s)));
        return stack.isPresent();
    }

    /** New entities or fields in prose ("also manage categories with a name", "tasks have a priority"). */
    private boolean prose(Draft d, String t) {
        String context = d.spec().entities().size() == 1 ? d.spec().entities().getFirst().name() : null;
        EntityReader.Found found = r.entities().fromProse(t, context);
        d.merge(found);
        return !found.isEmpty() || !found.notes().isEmpty();
    }
}
