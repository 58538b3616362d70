package dev.aiwizard.generator.offline;

import dev.aiwizard.core.spec.Entity;
import dev.aiwizard.core.spec.Field;
import dev.aiwizard.generator.text.Inflector;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The names the templates use for one entity: its Java class, URL path, words for prose, and its fields. */
record EntityModel(Entity entity, String java, String vars, String path, String words, String pluralWords,
                   List<FieldModel> fields) {

    /** Names and example values of one field. */
    record FieldModel(Field field, String java, String words) {
        String json() {
            return field.name();
        }
    }

    /** Local names in {@code Main} that repository variables must not take. */
    private static final Set<String> MAIN_LOCALS = Set.of("args", "server", "port", "routing", "value");

    static EntityModel of(Entity entity) {
        List<String> words = lower(Inflector.camelWords(entity.name()));
        List<String> plural = new ArrayList<>(words);
        plural.set(plural.size() - 1, Inflector.plural(plural.getLast()));
        List<FieldModel> fields = entity.fields().stream()
                .map(f -> new FieldModel(f, JavaNames.member(f.name()), String.join(" ", lower(Inflector.camelWords(f.name())))))
                .toList();
        return new EntityModel(entity, JavaNames.type(entity.name()), JavaNames.variable(camel(plural), MAIN_LOCALS),
                String.join("-", plural), String.join(" ", words), String.join(" ", plural), fields);
    }

    String name() {
        return entity.name();
    }

    /** The Java classes generated for this entity, main and test. */
    List<String> classes() {
        return List.of(java, java + "Repository", java + "Json", java + "Routes", java + "Samples",
                java + "RepositoryTest", java + "JsonTest", java + "RoutesTest");
    }

    private static String camel(List<String> words) {
        StringBuilder s = new StringBuilder(words.getFirst());
        words.subList(1, words.size()).forEach(w -> s.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1)));
        return s.toString();
    }

    private static List<String> lower(List<String> words) {
        return words.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
    }
}
