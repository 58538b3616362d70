package dev.aiwizard.generator.interview;

import dev.aiwizard.core.spec.Entity;
import dev.aiwizard.core.spec.Field;
import dev.aiwizard.core.spec.FieldType;
import dev.aiwizard.core.spec.Names;
import dev.aiwizard.core.spec.Spec;
import dev.aiwizard.generator.text.Inflector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Change requests that edit entities and fields: "add a due date to task", "rename title to headline", "remove
 * the done field", "make price a decimal". Each method returns whether the request had its shape.
 */
final class EntityEdits {
    private static final Pattern RENAME = Pattern.compile("^rename\\s+(?:the\\s+)?(?:field\\s+|entity\\s+)?(.+?)"
            + "(?:\\s+(?:field|entity))?(?:\\s+(?:in|of|on)\\s+(?:the\\s+)?(\\w+))?\\s+to\\s+(.+)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern ADD_TO = Pattern.compile("^(?:also\\s+)?(?:add|include|put)\\s+(.+)\\s+(?:to|on|for|in|into)"
            + "\\s+(?:the\\s+|each\\s+|every\\s+|all\\s+)?([A-Za-z][A-Za-z ]*?)(?:\\s+entity)?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern ADD = Pattern.compile("^(?:also\\s+)?(?:add|include)\\s+(.+)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern REMOVE = Pattern.compile("^(?:remove|drop|delete|get rid of|take out|no longer need)\\s+"
            + "(?:the\\s+)?(?:(?:fields?|columns?|properties|attributes)\\s+)?(.+?)(?:\\s+(?:field|column|property|attribute|entity|resource))?"
            + "(?:\\s+(?:from|of|on|in)\\s+(?:the\\s+|each\\s+|all\\s+)?([A-Za-z][A-Za-z ]*?))?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern RETYPE = Pattern.compile("^(?:make|change|set|turn)\\s+(?:the\\s+)?(.+?)(?:\\s+field)?"
            + "(?:\\s+(?:in|of|on)\\s+(?:the\\s+)?(\\w+))?\\s+(?:to be|into|to|be|as|an|a)\\s+(?:an?\\s+)?(\\S+)$"
            + "|^(?:the\\s+)?(.+?)\\s+(?:should be|must be)\\s+(?:an?\\s+)?(\\S+)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern CONSTRAIN = Pattern.compile("^(?:make\\s+)?(?:the\\s+)?([a-z][a-z ]*?)(?:\\s+field)?(?:\\s+(?:of|in|on)\\s+(?:the\\s+)?(\\w+))?"
            + "\\s+(?:(?:should|must|can|may|has to|will)\\s+(?:only\\s+)?be\\s+|is\\s+|be\\s+)?(?:one of\\s+|either\\s+|a number\\s+|an? integer\\s+)?(.+)$",
            Pattern.CASE_INSENSITIVE);
    /** "add categories with a name" is a new entity, not a field; ChangeReader's prose reading takes it. */
    private static final Set<String> NEW_ENTITY_CUES = Set.of("with", "entity", "entities", "resource", "model");

    private final Readers r;

    EntityEdits(Readers readers) {
        this.r = readers;
    }

    /** "rename title to headline" (a field), "rename task to chore" (an entity). */
    boolean renameThing(Draft d, String t) {
        String[] several = t.split("(?i)\\s*(?:,|\\band\\b)\\s*(?=[a-z]+(?:\\s+[a-z]+)?\\s+to\\s)");
        if (several.length > 1 && several[0].matches("(?i)^rename\\s.+")) {
            boolean all = true;
            for (int i = 0; i < several.length; i++) {
                all &= renameThing(d, i == 0 ? several[i] : "rename " + several[i]);
            }
            return all;
        }
        Matcher m = RENAME.matcher(t);
        if (!m.matches()) {
            return false;
        }
        Optional<String> field = Names.camel(m.group(1), false);
        Optional<String> newField = Names.camel(m.group(3), false);
        List<Entity> in = scope(d.spec(), m.group(2));
        if (field.isPresent() && newField.isPresent() && !newField.get().equals("id")
                && in.stream().anyMatch(e -> has(e, field.get())) && in.stream().noneMatch(e -> has(e, newField.get()))) {
            d.update(edit(d.spec(), in, f -> f.name().equals(field.get()) ? f.withName(newField.get()) : f));
            return true;
        }
        Optional<Entity> entity = find(d.spec(), m.group(1));
        Optional<String> newEntity = Names.camel(Inflector.singular(m.group(3).trim()), true);
        if (entity.isPresent() && newEntity.isPresent() && find(d.spec(), newEntity.get()).isEmpty()) {
            d.update(d.spec().withEntities(d.spec().entities().stream()
                    .map(e -> e.equals(entity.get()) ? e.withName(newEntity.get()) : e).toList()));
            return true;
        }
        return false;
    }

    /** "add a due date to task". */
    boolean addTo(Draft d, String t) {
        Matcher m = ADD_TO.matcher(t);
        if (!m.matches()) {
            return false;
        }
        Optional<Entity> entity = find(d.spec(), m.group(2));
        if (entity.isEmpty()) {
            d.note(r.texts().get("note.unknownEntity", Map.of("item", m.group(2), "entities", names(d.spec()))));
            return true;
        }
        return addFields(d, entity.get(), m.group(1));
    }

    /** "add a priority": fine with one entity; with several, the note asks which one. */
    boolean add(Draft d, String t) {
        Matcher m = ADD.matcher(t);
        if (!m.matches() || Words.words(Words.lower(t)).stream().anyMatch(NEW_ENTITY_CUES::contains)
                || Words.splitList(m.group(1)).stream().allMatch(EntityEdits::namesThings)) {
            return false;
        }
        if (d.spec().entities().size() != 1) {
            String example = d.spec().entities().isEmpty() ? "task" : Words.lower(d.spec().entities().getFirst().name());
            d.note(r.texts().get("note.whichEntity", Map.of("item", m.group(1), "example", example)));
            return true;
        }
        return addFields(d, d.spec().entities().getFirst(), m.group(1));
    }

    /** "remove the done field", "remove done from task", "remove categories", "remove the fields x, y and z". */
    boolean remove(Draft d, String t) {
        Matcher m = REMOVE.matcher(t);
        if (!m.matches()) {
            return false;
        }
        List<Entity> in = scope(d.spec(), m.group(2));
        List<String> several = Words.splitList(m.group(1)).stream().map(x -> Names.camel(x, false).orElse("")).toList();
        if (several.size() > 1 && several.stream().allMatch(f -> in.stream().anyMatch(e -> has(e, f)))) {
            d.update(d.spec().withEntities(d.spec().entities().stream().map(e -> in.contains(e)
                    ? e.withOnly(e.fields().stream().filter(f -> !several.contains(f.name())).toList()) : e).toList()));
            return true;
        }
        Optional<String> field = Names.camel(m.group(1), false);
        if (field.isPresent() && in.stream().anyMatch(e -> has(e, field.get()))) {
            d.update(d.spec().withEntities(d.spec().entities().stream().map(e -> in.contains(e)
                    ? e.withOnly(e.fields().stream().filter(f -> !f.name().equals(field.get())).toList()) : e).toList()));
            return true;
        }
        Optional<Entity> entity = m.group(2) == null ? find(d.spec(), m.group(1)) : Optional.empty();
        if (entity.isEmpty()) {
            return false;
        }
        if (d.spec().entities().size() == 1) {
            d.note(r.texts().get("note.lastEntity", "item", entity.get().name()));
        } else {
            String gone = entity.get().name();
            d.update(d.spec().withEntities(d.spec().entities().stream().filter(e -> !e.equals(entity.get()))
                    .map(e -> e.withOnly(e.fields().stream().filter(f -> !gone.equals(f.references())).toList())).toList()));
        }
        return true;
    }

    /** "make price a decimal", "done should be a date". */
    boolean retype(Draft d, String t) {
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
            d.note(r.texts().get("note.unknownType", Map.of("item", t, "types", FieldTypes.labels())));
        } else {
            d.update(edit(d.spec(), in, f -> f.name().equals(field.get()) ? f.withType(type.get()) : f));
        }
        return true;
    }

    /** "priority should be low, normal or high", "the rating must be from 1 to 5": allowed values or a range. */
    boolean constrain(Draft d, String t) {
        Matcher m = CONSTRAIN.matcher(t);
        if (!m.matches()) {
            return false;
        }
        Optional<String> field = Names.camel(m.group(1), false);
        List<Entity> in = scope(d.spec(), m.group(2));
        if (field.isEmpty() || in.stream().noneMatch(e -> has(e, field.get()))) {
            return false;
        }
        var values = FieldDetails.values("x (" + FieldDetails.normalize(m.group(3)).replace(",", "\u0001") + ")");
        var range = FieldDetails.range("x " + m.group(3));
        if (values.isPresent() && !FieldDetails.isBool(values.get().getValue())) {
            d.update(edit(d.spec(), in, f -> f.name().equals(field.get()) ? f.withValues(values.get().getValue()) : f));
            return true;
        }
        if (range.isPresent()) {
            d.update(edit(d.spec(), in, f -> f.name().equals(field.get()) ? f.withRange(range.get().min(), range.get().max()) : f));
            return true;
        }
        return false;
    }

    /** "tags", "categories": a plural noun without an article names things to manage, not a field. */
    private static boolean namesThings(String item) {
        List<String> words = Words.words(item);
        return !words.isEmpty() && Words.withoutDeterminers(words).size() == words.size() && words.size() <= 2
                && Inflector.isPlural(words.getLast()) && FieldTypes.guess(words).type() == FieldType.TEXT;
    }

    private boolean addFields(Draft d, Entity entity, String list) {
        FieldReader.Result result = r.fields().read(list);
        d.notes(result.notes());
        if (!result.fields().isEmpty()) {
            d.merge(List.of(new Entity(entity.name(), result.fields())));
        }
        return true;
    }

    /** The spec with {@code change} applied to every field of the entities {@code in}, keeping field order. */
    private static Spec edit(Spec spec, List<Entity> in, UnaryOperator<Field> change) {
        return spec.withEntities(spec.entities().stream()
                .map(e -> in.contains(e) ? e.withOnly(e.fields().stream().map(change).toList()) : e).toList());
    }

    /** The entities a change applies to: the one named, or all of them. */
    private static List<Entity> scope(Spec spec, String entityName) {
        return entityName == null ? spec.entities() : find(spec, entityName).map(List::of).orElse(List.of());
    }

    /** The entity {@code words} refers to: "task", "tasks", "Task", "todo items". */
    static Optional<Entity> find(Spec spec, String words) {
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

    private static String names(Spec spec) {
        return String.join(", ", spec.entities().stream().map(Entity::name).toList());
    }
}
