package dev.aiwizard.generator.interview;

import dev.aiwizard.core.spec.Entity;
import dev.aiwizard.core.spec.Field;
import dev.aiwizard.core.spec.Names;
import dev.aiwizard.generator.text.Inflector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Collects the entities one message names, {@code "todo items"} -> {@code TodoItem}, merging fields per entity. */
final class EntityCollector {
    private final FieldReader fieldReader;
    private final Texts texts;
    private final Map<String, List<Field>> entities = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private String context;

    EntityCollector(FieldReader fieldReader, Texts texts, String context) {
        this.fieldReader = fieldReader;
        this.texts = texts;
        this.context = context;
    }

    /** The entity that pronouns and bare field lists refer to: the one named last ({@code null} when none). */
    String context() {
        return context;
    }

    /** The entity name for {@code noun}, registered (and made the context) when valid. */
    Optional<String> entity(String noun) {
        String[] parts = noun.trim().split("\\s+");
        parts[parts.length - 1] = Inflector.singular(parts[parts.length - 1]);
        Optional<String> name = Names.camel(String.join(" ", parts), true);
        if (name.isEmpty()) {
            notes.add(texts.get("note.badEntityName", "item", noun));
            return Optional.empty();
        }
        entities.putIfAbsent(name.get(), new ArrayList<>());
        context = name.get();
        return name;
    }

    /** Whether {@code noun} names the entity in context or one found so far. */
    boolean isEntity(String noun) {
        String[] parts = noun.trim().split("\\s+");
        parts[parts.length - 1] = Inflector.singular(parts[parts.length - 1]);
        Optional<String> name = Names.camel(String.join(" ", parts), true);
        return name.isPresent() && (name.get().equals(context) || entities.containsKey(name.get()));
    }

    void addFields(String entity, String text) {
        if (entity == null || Words.trimPunctuation(text).isEmpty()) {
            return;
        }
        FieldReader.Result result = fieldReader.read(text);
        notes.addAll(result.notes());
        List<Field> fields = entities.computeIfAbsent(entity, k -> new ArrayList<>());
        for (Field f : result.fields()) {
            fields.removeIf(x -> x.name().equals(f.name()));
            fields.add(f);
        }
        context = entity;
    }

    EntityReader.Found found() {
        List<Entity> list = new ArrayList<>();
        entities.forEach((name, fields) -> list.add(new Entity(name, fields)));
        return new EntityReader.Found(list, List.copyOf(notes));
    }
}
