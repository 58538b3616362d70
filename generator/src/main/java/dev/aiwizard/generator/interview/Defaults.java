package dev.aiwizard.generator.interview;

import dev.aiwizard.core.spec.Entity;
import dev.aiwizard.core.spec.Field;
import dev.aiwizard.core.spec.FieldType;
import dev.aiwizard.core.spec.Operation;
import dev.aiwizard.core.spec.Slot;
import dev.aiwizard.core.spec.Spec;
import dev.aiwizard.generator.stack.StackCatalog;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/** The defaults the bot picks for open slots, each recorded as an assumption the summary shows. */
final class Defaults {
    private static final Field DEFAULT_FIELD = new Field("name", FieldType.TEXT);

    private final Texts texts;
    private final StackCatalog catalog;
    private final NameReader names;
    private final String defaultTarget;

    Defaults(Texts texts, StackCatalog catalog, NameReader names, String defaultTarget) {
        this.texts = texts;
        this.catalog = catalog;
        this.names = names;
        this.defaultTarget = defaultTarget;
    }

    /** Fills stack and persistence when only one answer is possible: asking would waste a question. */
    Spec fillSingleOptions(Spec spec) {
        Spec s = spec;
        if (s.stack() == null && catalog.stacks().size() == 1) {
            s = fill(s, Slot.STACK);
        }
        if (s.persistence() == null && catalog.persistenceOptions(s.stack()).size() == 1) {
            s = fill(s, Slot.PERSISTENCE);
        }
        return s;
    }

    /** Fills every open slot. */
    Spec fillAll(Spec spec) {
        // The name comes from what the person said, not from entities the bot is about to make up.
        String name = names.suggest(spec);
        Spec s = spec;
        for (Slot slot : Slot.values()) {
            if (!s.isFilled(slot)) {
                s = slot == Slot.NAME ? name(s, name) : fill(s, slot);
            }
        }
        return s;
    }

    /** Fills {@code slot} with its default and records the assumption. */
    Spec fill(Spec spec, Slot slot) {
        return switch (slot) {
            case ENTITIES -> spec.entities().isEmpty()
                    ? spec.withEntities(List.of(new Entity("Item", List.of(DEFAULT_FIELD))))
                            .withAssumption(texts.get("assume.entities", Map.of("entity", "Item", "fields", describe(DEFAULT_FIELD))))
                    : spec;
            case FIELDS -> spec.entities().isEmpty() ? fill(spec, Slot.ENTITIES) : defaultFields(spec);
            case OPERATIONS -> spec.withOperations(EnumSet.allOf(Operation.class)).withAssumption(texts.get("assume.operations"));
            case NAME -> name(spec, names.suggest(spec));
            case STACK -> spec.withStack(catalog.defaultStack().id()).withAssumption(texts.get(
                    catalog.stacks().size() == 1 ? "assume.stackOnly" : "assume.stack", "stack", catalog.defaultStack().id()));
            case PERSISTENCE -> persistence(spec);
            case TARGET -> spec.withTarget(defaultTarget).withAssumption(defaultTarget.equals(TargetReader.LOCAL)
                    ? texts.get("assume.target") : texts.get("assume.configuredTarget", "target", defaultTarget));
            case PURPOSE -> {
                String purpose = texts.get("default.purpose", "entities", QuestionPlanner.entityWords(spec.entities()));
                yield spec.withPurpose(purpose).withAssumption(texts.get("assume.purpose", "purpose", purpose));
            }
        };
    }

    private Spec defaultFields(Spec spec) {
        Spec s = spec;
        List<Entity> entities = new ArrayList<>();
        for (Entity e : spec.entities()) {
            if (e.fields().isEmpty()) {
                e = e.withOnly(List.of(DEFAULT_FIELD));
                s = s.withAssumption(texts.get("assume.fields", Map.of("entity", e.name(), "fields", describe(DEFAULT_FIELD))));
            }
            entities.add(e);
        }
        return s.withEntities(entities);
    }

    private Spec name(Spec spec, String name) {
        boolean fromIdea = spec.purpose() != null && !name.equals(texts.get("default.name"));
        return spec.withName(name).withAssumption(texts.get(fromIdea ? "assume.nameFromIdea" : "assume.name", "name", name));
    }

    private Spec persistence(Spec spec) {
        List<String> options = catalog.persistenceOptions(spec.stack());
        String key = options.size() == 1 ? "assume.persistenceOnly" : "assume.persistence";
        return spec.withPersistence(options.getFirst()).withAssumption(texts.get(key, "persistence", options.getFirst()));
    }

    private static String describe(Field f) {
        return f.name() + " (" + f.type().label() + ")";
    }
}
