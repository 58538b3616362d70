package dev.aiwizard.generator.interview;

import dev.aiwizard.core.spec.Entity;
import dev.aiwizard.core.spec.Field;
import dev.aiwizard.core.spec.FieldType;
import dev.aiwizard.core.spec.Names;
import dev.aiwizard.core.spec.Operation;
import dev.aiwizard.core.spec.Spec;
import dev.aiwizard.generator.text.Inflector;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies a change request made after the summary: "add a due date to task", "rename to shop-api", "remove the
 * done field", "make price a decimal", "read-only", "also manage categories with a name".
 */
final class ChangeReader {
    private static final String OPS = "(?:create|read|list|update|delete)";
    private static final String OP_LIST = OPS + "(?:\\s*(?:,|and|&)\\s*" + OPS + ")*";
    private static final Pattern ADD_OPS = Pattern.compile("^(?:also\\s+)?(?:add|enable|allow)\\s+(?:the\\s+)?(" + OP_LIST
            + ")(?:\\s+(?:operations?|endpoints?))?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern REMOVE_OPS = Pattern.compile("^(?:remove|drop|disable|disallow|no|without|forbid)\\s+(?:the\\s+)?("
            + OP_LIST + ")(?:\\s+(?:operations?|endpoints?))?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern ONLY_OPS = Pattern.compile("^(?:only\\s+|just\\s+)?(" + OP_LIST + ")(?:\\s+only)?$|"
            + "^(?:(?:allow|make it|use)\\s+)?(?:all(?: operations| endpoints| of them)?|full crud|crud|everything)$"
            + "|^read[- ]?only$|^(?:make it )?read[- ]?only$", Pattern.CASE_INSENSITIVE);
    private static final Pattern RENAME_PROJECT = Pattern.compile("^(?:rename(?: it| the project| the service)?\\s+to|call it|name it"
            + "|change the name to|the name should be|name should be|use the name)\\s+(.+)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern RENAME_THING = Pattern.compile("^rename\\s+(?:the\\s+)?(?:field\\s+|entity\\s+)?(.+?)"
            + "(?:\\s+(?:field|entity))?(?:\\s+(?:in|of|on)\\s+(?:the\\s+)?(\\w+))?\\s+to\\s+(.+)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern ADD_TO = Pattern.compile("^(?:also\\s+)?(?:add|include|put)\\s+(.+?)\\s+(?:to|on|for|in|into)"
            + "\\s+(?:the\\s+|each\\s+|every\\s+|all\\s+)?([A-Za-z][A-Za-z ]*?)(?:\\s+entity)?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern ADD = Pattern.compile("^(?:also\\s+)?(?:add|include)\\s+(.+)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern REMOVE = Pattern.compile("^(?:remove|drop|delete|get rid of|take out|no longer need)\\s+"
            + "(?:the\\s+)?(.+?)(?:\\s+(?:field|column|property|attribute|entity|resource))?"
            + "(?:\\s+(?:from|of|on|in)\\s+(?:the\\s+|each\\s+|all\\s+)?([A-Za-z][A-Za-z ]*?))?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern RETYPE = Pattern.compile("^(?:make|change|set|turn)\\s+(?:the\\s+)?(.+?)(?:\\s+field)?"
            + "(?:\\s+(?:in|of|on)\\s+(?:the\\s+)?(\\w+))?\\s+(?:to be|into|to|be|as|an|a)\\s+(?:an?\\s+)?(\\S+)$"
            + "|^(?:the\\s+)?(.+?)\\s+(?:should be|must be)\\s+(?:an?\\s+)?(\\S+)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern POLITE = Pattern.compile("^(?:please|pls|can you|could you|and|also then|then)\\s+",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> NEW_ENTITY_CUES = Set.of("with", "entity", "entities", "resource", "model");

    private final Texts texts;
    private final FieldReader fields;
    private final EntityReader entities;
    private final NameReader names;

    ChangeReader(Texts texts, FieldReader fields, EntityReader entities, NameReader names) {
        this.texts = texts;
        this.fields = fields;
        this.entities = entities;
        this.names = names;
    }

    /** Applies {@code text} to the draft; returns whether it was understood as a change. */
    boolean apply(Draft d, String text) {
        String t = POLITE.matcher(Words.trimPunctuation(text)).replaceFirst("").trim();
        List<Predicate<String>> attempts = List.of(
                s -> operations(d, s), s -> renameThing(d, s), s -> renameProject(d, s), s -> addTo(d, s),
                s -> add(d, s), s -> remove(d, s), s -> retype(d, s), s -> prose(d, s));
        return attempts.stream().anyMatch(a -> a.test(t));
    }

    private boolean operations(Draft d, String t) {
        Set<Operation> current = d.spec().operations().isEmpty() ? EnumSet.noneOf(Operation.class) : EnumSet.copyOf(d.spec().operations());
        Matcher add = ADD_OPS.matcher(t);
        Matcher remove = REMOVE_OPS.matcher(t);
        Set<Operation> next;
        if (add.matches()) {
            next = current;
            next.addAll(OperationsReader.read(add.group(1)).orElseThrow());
        } else if (remove.matches()) {
            next = current;
            next.removeAll(OperationsReader.read(remove.group(1)).orElseThrow());
        } else if (ONLY_OPS.matcher(t).matches()) {
            next = OperationsReader.read(t).orElseThrow();
        } else {
            return false;
        }
        if (next.isEmpty()) {
            d.note(texts.get("note.noOperations", "text", t));
            return true;
        }
        d.update(d.spec().withOperations(next));
        return true;
    }

    private boolean renameProject(Draft d, String t) {
        Matcher m = RENAME_PROJECT.matcher(t);
        if (!m.matches()) {
            return false;
        }
        NameReader.Answer answer = names.read(m.group(1), d.spec());
        answer.name().ifPresent(n -> d.update(d.spec().withName(n)));
        d.note(answer.note());
        return true;
    }

    private boolean renameThing(Draft d, String t) {
        Matcher m = RENAME_THING.matcher(t);
        if (!m.matches()) {
            return false;
        }
        Optional<String> fieldName = Names.camel(m.group(1), false);
        Optional<String> newField = Names.camel(m.group(3), false);
        List<Entity> in = scope(d.spec(), m.group(2));
        if (fieldName.isPresent() && newField.isPresent() && !newField.get().equals("id")
                && in.stream().anyMatch(e -> has(e, fieldName.get())) && in.stream().noneMatch(e -> has(e, newField.get()))) {
            d.update(d.spec().withEntities(map(d.spec(), e -> in.contains(e) && has(e, fieldName.get())
                    ? new Entity(e.name(), e.fields().stream().map(f -> f.name().equals(fieldName.get())
                            ? new Field(newField.get(), f.type()) : f).toList()) : e)));
            return true;
        }
        Optional<Entity> entity = find(d.spec(), m.group(1));
        Optional<String> newEntity = Names.camel(Inflector.singular(m.group(3).trim()), true);
        if (entity.isPresent() && newEntity.isPresent() && find(d.spec(), newEntity.get()).isEmpty()) {
            d.update(d.spec().withEntities(map(d.spec(), e -> e.equals(entity.get()) ? new Entity(newEntity.get(), e.fields()) : e)));
            return true;
        }
        return false;
    }

    private boolean addTo(Draft d, String t) {
        Matcher m = ADD_TO.matcher(t);
        if (!m.matches()) {
            return false;
        }
        Optional<Entity> entity = find(d.spec(), m.group(2));
        if (entity.isEmpty()) {
            d.note(texts.get("note.unknownEntity", Map.of("item", m.group(2), "entities", names(d.spec()))));
            return true;
        }
        return addFields(d, entity.get(), m.group(1));
    }

    private boolean add(Draft d, String t) {
        Matcher m = ADD.matcher(t);
        if (!m.matches() || Words.words(Words.lower(t)).stream().anyMatch(NEW_ENTITY_CUES::contains)) {
            return false;
        }
        if (d.spec().entities().size() != 1) {
            String example = d.spec().entities().isEmpty() ? "task" : Words.lower(d.spec().entities().getFirst().name());
            d.note(texts.get("note.whichEntity", Map.of("item", m.group(1), "example", example)));
            return true;
        }
        return addFields(d, d.spec().entities().getFirst(), m.group(1));
    }

    private boolean addFields(Draft d, Entity entity, String list) {
        FieldReader.Result result = fields.read(list);
        d.notes(result.notes());
        if (!result.fields().isEmpty()) {
            d.update(d.spec().withEntities(map(d.spec(), e -> e.name().equals(entity.name()) ? e.withFields(result.fields()) : e)));
        }
        return true;
    }

    private boolean remove(Draft d, String t) {
        Matcher m = REMOVE.matcher(t);
        if (!m.matches()) {
            return false;
        }
        List<Entity> in = scope(d.spec(), m.group(2));
        Optional<String> field = Names.camel(m.group(1), false);
        if (field.isPresent() && in.stream().anyMatch(e -> has(e, field.get()))) {
            d.update(d.spec().withEntities(map(d.spec(), e -> in.contains(e)
                    ? new Entity(e.name(), e.fields().stream().filter(f -> !f.name().equals(field.get())).toList()) : e)));
            return true;
        }
        Optional<Entity> entity = m.group(2) == null ? find(d.spec(), m.group(1)) : Optional.empty();
        if (entity.isEmpty()) {
            return false;
        }
        if (d.spec().entities().size() == 1) {
            d.note(texts.get("note.lastEntity", "item", entity.get().name()));
            return true;
        }
        d.update(d.spec().withEntities(d.spec().entities().stream().filter(e -> !e.equals(entity.get())).toList()));
        return true;
    }

    private boolean retype(Draft d, String t) {
        Matcher m = RETYPE.matcher(t);
        if (!m.matches()) {
            return false;
        }
        boolean first = m.group(1) != null;
        Optional<String> field = Names.camel(first ? m.group(1) : m.group(4), false);
        Optional<FieldType> type = FieldTypes.parse(first ? m.group(3) : m.group(5));
        List<Entity> in = scope(d.spec(), first ? m.group(2) : null);
        if (field.isEmpty() || in.stream().noneMatch(e -> has(e, field.get()))) {
            return false;
        }
        if (type.isEmpty()) {
            d.note(texts.get("note.unknownType", Map.of("item", t, "types", FieldTypes.labels())));
            return true;
        }
        d.update(d.spec().withEntities(map(d.spec(), e -> in.contains(e) ? new Entity(e.name(), e.fields().stream()
                .map(f -> f.name().equals(field.get()) ? new Field(f.name(), type.get()) : f).toList()) : e)));
        return true;
    }

    /** New entities or fields in prose ("also manage categories with a name", "tasks have a priority"). */
    private boolean prose(Draft d, String t) {
        String context = d.spec().entities().size() == 1 ? d.spec().entities().getFirst().name() : null;
        EntityReader.Found found = entities.fromProse(t, context);
        d.notes(found.notes());
        if (found.isEmpty()) {
            return !found.notes().isEmpty();
        }
        d.merge(found.entities());
        return true;
    }

    /** The entities a change applies to: the one named, or all of them. */
    private static List<Entity> scope(Spec spec, String entityName) {
        if (entityName == null) {
            return spec.entities();
        }
        return find(spec, entityName).map(List::of).orElse(List.of());
    }

    /** The entity {@code words} refers to: "task", "tasks", "Task", "todo items". */
    private static Optional<Entity> find(Spec spec, String words) {
        List<String> parts = new ArrayList<>(List.of(words.trim().split("\\s+")));
        parts.set(parts.size() - 1, Inflector.singular(parts.getLast()));
        Optional<String> name = Names.camel(String.join(" ", parts), true);
        Optional<String> asTyped = Names.camel(words, true);
        return spec.entities().stream().filter(e -> name.map(n -> n.equalsIgnoreCase(e.name())).orElse(false)
                || asTyped.map(n -> n.equalsIgnoreCase(e.name())).orElse(false)).findFirst();
    }

    private static boolean has(Entity e, String field) {
        return e.fields().stream().anyMatch(f -> f.name().equals(field));
    }

    private static List<Entity> map(Spec spec, java.util.function.UnaryOperator<Entity> change) {
        return spec.entities().stream().map(change).toList();
    }

    private static String names(Spec spec) {
        return String.join(", ", spec.entities().stream().map(Entity::name).toList());
    }
}
