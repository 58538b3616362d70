package dev.aiwizard.generator.interview;

import dev.aiwizard.core.spec.Entity;
import dev.aiwizard.core.spec.Field;
import dev.aiwizard.core.spec.FieldType;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Kinds of app people name without naming what they keep ("a URL shortener"): the entity such an app is built on,
 * used only when the idea names none, and said as an assumption.
 */
final class AppKinds {
    private record Kind(Pattern words, Entity entity) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind(Pattern.compile("\\b(?:url|link)\\s+shortener\\b", Pattern.CASE_INSENSITIVE),
                    new Entity("Link", List.of(new Field("url", FieldType.URL), new Field("code", FieldType.TEXT)))),
            new Kind(Pattern.compile("\\bto-?do\\s+(?:list|app|service|api)\\b", Pattern.CASE_INSENSITIVE),
                    new Entity("Task", List.of(new Field("title", FieldType.TEXT), new Field("done", FieldType.BOOLEAN)))),
            new Kind(Pattern.compile("\\bguest\\s*book\\b", Pattern.CASE_INSENSITIVE),
                    new Entity("Entry", List.of(new Field("name", FieldType.TEXT), new Field("message", FieldType.TEXT)))),
            new Kind(Pattern.compile("\\bbookmark(?:s|ing)?\\s+(?:manager|app|service|tool)\\b", Pattern.CASE_INSENSITIVE),
                    new Entity("Bookmark", List.of(new Field("url", FieldType.URL), new Field("title", FieldType.TEXT)))));

    private AppKinds() {
    }

    /** The entity the kind of app named in {@code idea} is built on, if it names one. */
    static Optional<Entity> of(String idea) {
        return KINDS.stream().filter(k -> k.words().matcher(idea).find()).map(Kind::entity).findFirst();
    }
}
