package dev.aiwizard.generator.interview;

import dev.aiwizard.core.conversation.Question;
import dev.aiwizard.core.spec.Entity;
import dev.aiwizard.core.spec.Slot;
import dev.aiwizard.core.spec.Spec;
import dev.aiwizard.generator.stack.StackCatalog;
import dev.aiwizard.generator.stack.StackOption;
import dev.aiwizard.generator.text.Inflector;
import java.util.List;
import java.util.Map;

/** Words the question for a slot, with its choices and how many questions may still follow. */
final class QuestionPlanner {
    private final Texts texts;
    private final StackCatalog catalog;
    private final NameReader names;
    private final String defaultTarget;

    QuestionPlanner(Texts texts, StackCatalog catalog, NameReader names, String defaultTarget) {
        this.texts = texts;
        this.catalog = catalog;
        this.names = names;
        this.defaultTarget = defaultTarget;
    }

    /** The question about {@code slot}; {@code questionsLeft} (at least 1) counts this one. */
    Question question(Spec spec, Slot slot, int questionsLeft) {
        int after = Math.max(0, Math.min(questionsNeeded(spec) - 1, questionsLeft - 1));
        String key = "question." + slot.name();
        return switch (slot) {
            case FIELDS -> {
                String entity = firstWithoutFields(spec);
                yield new Question(slot, texts.get(key, Map.of("entity", entity, "article", article(entity),
                        "types", FieldTypes.labels())), List.of(), after);
            }
            case OPERATIONS -> new Question(slot, texts.get(key, "entities", entityWords(spec.entities())),
                    List.of(texts.get("choice.operations.all"), texts.get("choice.operations.readOnly"),
                            texts.get("choice.operations.noDelete")), after);
            case NAME -> {
                String suggestion = names.suggest(spec);
                yield new Question(slot, texts.get(key, "suggestion", suggestion),
                        List.of(suggestion, NameReader.variant(suggestion)), after);
            }
            case STACK -> new Question(slot, texts.get(key, Map.of("example", catalog.defaultStack().id(), "stacks", stackIds())),
                    catalog.stacks().stream().map(StackOption::label).toList(), after);
            case PERSISTENCE -> {
                List<String> options = catalog.persistenceOptions(spec.stack());
                yield new Question(slot, texts.get(key, "example", options.getFirst()), options, after);
            }
            case TARGET -> new Question(slot, texts.get(key, "name", spec.name() != null ? spec.name() : names.suggest(spec)),
                    defaultTarget.equals(TargetReader.LOCAL) ? List.of(texts.get("choice.target.local"))
                            : List.of(defaultTarget, texts.get("choice.target.local")), after);
            // An idea that names nothing to store gets examples to pick from rather than an invented entity.
            case ENTITIES -> new Question(slot, texts.get(key), List.of(texts.get("choice.entities.tasks"),
                    texts.get("choice.entities.notes"), texts.get("choice.entities.contacts"),
                    texts.get("choice.entities.other")), after);
            case PURPOSE -> new Question(slot, texts.get(key), List.of(), after);
        };
    }

    /** The question that invites a change after an unclear change request; it asks about nothing open. */
    Question change() {
        return new Question(Slot.ENTITIES, texts.get("question.CHANGE"), List.of(), 0);
    }

    /** Whether {@code pending} is the question {@link #change()} asks. */
    boolean isChange(Question pending) {
        return pending != null && pending.text().equals(texts.get("question.CHANGE"));
    }

    /**
     * How many questions the open slots still need: one each, but one per entity without fields, because fields
     * are asked entity by entity.
     */
    static int questionsNeeded(Spec spec) {
        int needed = 0;
        for (Slot slot : spec.openSlots()) {
            needed += slot == Slot.FIELDS ? Math.max(1, (int) spec.entities().stream().filter(e -> e.fields().isEmpty()).count()) : 1;
        }
        return needed;
    }

    /** The entity the next fields question is about. */
    static String firstWithoutFields(Spec spec) {
        return spec.entities().stream().filter(e -> e.fields().isEmpty()).map(Entity::name).findFirst()
                .orElse(spec.entities().isEmpty() ? "Item" : spec.entities().getFirst().name());
    }

    /** "tasks", "books and authors", "todo items, tags and users". */
    static String entityWords(List<Entity> entities) {
        if (entities.isEmpty()) {
            return "items";
        }
        List<String> plurals = entities.stream().map(e -> {
            List<String> words = Inflector.camelWords(e.name()).stream().map(Words::lower).toList();
            return String.join(" ", words.subList(0, words.size() - 1)) + (words.size() > 1 ? " " : "")
                    + Inflector.plural(words.getLast());
        }).toList();
        if (plurals.size() == 1) {
            return plurals.getFirst();
        }
        return String.join(", ", plurals.subList(0, plurals.size() - 1)) + " and " + plurals.getLast();
    }

    /** "java-rest or node-express". */
    private String stackIds() {
        List<String> ids = catalog.stacks().stream().map(StackOption::id).toList();
        return ids.size() == 1 ? ids.getFirst()
                : String.join(", ", ids.subList(0, ids.size() - 1)) + " or " + ids.getLast();
    }

    private static String article(String word) {
        return "AEIOU".indexOf(word.charAt(0)) >= 0 ? "an" : "a";
    }
}
