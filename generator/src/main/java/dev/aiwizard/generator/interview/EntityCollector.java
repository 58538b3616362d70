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
    private final List<Relation> relations = new ArrayList<>();
    private final Map<String, List<String>> actors = new LinkedHashMap<>();
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
        Optional<String> name = name(noun);
        if (name.isEmpty()) {
            notes.add(texts.get("note.badEntityName", "item", noun));
            return Optional.empty();
        }
        entities.putIfAbsent(name.get(), new ArrayList<>());
        context = name.get();
        return name;
    }

    void context(String entity) {
        context = entity;
    }

    /** {@code child} records hold the id of a {@code parent} record. */
    void relate(String child, String parent) {
        Relation r = new Relation(child, parent);
        if (!child.equals(parent) && !relations.contains(r)) {
            relations.add(r);
        }
    }

    /** People ({@code subject}, a plural noun) who act on {@code entity}: kept only when named as an entity too. */
    void actor(String subject, String entity) {
        actors.computeIfAbsent(Words.lower(subject), k -> new ArrayList<>()).add(entity);
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
        List<Relation> all = new ArrayList<>(relations);
        List<String> people = new ArrayList<>();
        actors.forEach((subject, made) -> {
            Optional<String> name = name(subject);
            if (name.isPresent() && entities.containsKey(name.get())) {
                // "sensors send readings" and "a sensor has a name": the sensor is kept, so each reading has one.
                made.forEach(m -> all.add(new Relation(m, name.get())));
            } else if (!Verbs.isGeneric(subject)) {
                people.add(subject);
            }
        });
        return new EntityReader.Found(list, List.copyOf(notes), List.copyOf(all), List.copyOf(people));
    }

    private static Optional<String> name(String noun) {
        String[] parts = noun.trim().split("\\s+");
        parts[parts.length - 1] = Inflector.singular(parts[parts.length - 1]);
        return Names.camel(String.join(" ", parts), true);
    }
}
