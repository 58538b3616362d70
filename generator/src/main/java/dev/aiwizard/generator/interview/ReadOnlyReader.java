package dev.aiwizard.generator.interview;

import dev.aiwizard.core.spec.Entity;
import dev.aiwizard.core.spec.Names;
import dev.aiwizard.core.spec.Spec;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads which entities or fields cannot be changed: "make tickets read-only" (Ticket is read and listed only), "make
 * the email of member read-only", "the iban can't be changed" (set on create, never updated), and the way back
 * ("make tickets editable again", "the email can be changed"). "make it read-only" names no entity or field and is
 * left to the operations.
 */
final class ReadOnlyReader {
    private static final String FIXED = "read[- ]?only|immutable|unchangeable|not editable|non-editable|uneditable"
            + "|not changeable|fixed once set|locked";
    private static final String FREE = "editable|writable|writeable|changeable|modifiable|not read[- ]?only|no longer read[- ]?only";
    private static final String LATER = "(?:\\s+(?:again|later|afterwards|after creation|once (?:it is )?(?:set|created)|any ?more|by clients))?";
    private static final Pattern MAKE = Pattern.compile("^(?:make|mark|set|keep|have)\\s+(.+?)\\s+(?:as\\s+|be\\s+)?(" + FIXED + "|" + FREE
            + ")" + LATER + "$", Pattern.CASE_INSENSITIVE);
    private static final Pattern IS = Pattern.compile("^(.+?)\\s+(?:is|are|should be|must be|shall be|has to be|have to be|will be"
            + "|stays?|remains?|becomes?|needs to be|need to be)\\s+(?:now\\s+|always\\s+|also\\s+)?(" + FIXED + "|" + FREE + ")" + LATER + "$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CHANGED = Pattern.compile("^(.+?)\\s+(can't|cannot|can not|must not|mustn't|should not|shouldn't"
            + "|may not|can never|must never|should never|will never|never|can|may|should)\\s+(?:be\\s+)?(?:changed|edited|modified|updated"
            + "|change)" + LATER + "$", Pattern.CASE_INSENSITIVE);
    private static final Pattern CONNECTOR = Pattern.compile("^(?:and|but|while|whereas|though|although|also|however|where|so)\\s+",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern OF = Pattern.compile("^(.+?)\\s+(?:of|in|on|for)\\s+(?:the\\s+|each\\s+|every\\s+|a\\s+|an\\s+)?(.+)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern POSSESSIVE = Pattern.compile("^(.+?)'s?\\s+(.+)$");
    private static final Set<String> WHOLE_API = Set.of("it", "everything", "api", "the api", "the service", "service", "all",
            "all of it", "the whole api", "the app", "app", "this", "that");
    private static final Pattern LEADING = Pattern.compile("^(?:the|all|every|each|all the|any)\\s+", Pattern.CASE_INSENSITIVE);

    private ReadOnlyReader() {
    }

    /** What a sentence of this shape did. */
    private enum Outcome { NOT_THIS_SHAPE, WHOLE_API, MARKED, UNKNOWN_TARGET }

    /**
     * A change request ("make tickets read-only"): whether it had this shape and named something; a name the spec
     * does not have gets a note rather than making the whole API read-only.
     */
    static boolean change(Draft d, String text, Texts texts) {
        String t = Words.trimPunctuation(text);
        Outcome outcome = read(d, t);
        if (outcome == Outcome.UNKNOWN_TARGET) {
            d.note(texts.get("note.unknownReadOnly", java.util.Map.of("item", t, "entities",
                    String.join(", ", d.spec().entities().stream().map(Entity::name).toList()))));
        }
        return outcome == Outcome.MARKED || outcome == Outcome.UNKNOWN_TARGET;
    }

    /**
     * The clauses of {@code text} (an idea or an answer) that make entities or fields read-only, applied to the draft;
     * returns the text without them, so "read-only" there no longer reads as the whole API's operations.
     */
    static String inProse(Draft d, String text) {
        String rest = text;
        for (String sentence : Words.clauses(text)) {
            for (String clause : sentence.split("\\s*,\\s*")) {
                String c = CONNECTOR.matcher(Words.trimPunctuation(clause)).replaceFirst("");
                Outcome outcome = read(d, c);
                if (outcome == Outcome.MARKED || outcome == Outcome.UNKNOWN_TARGET) {
                    rest = rest.replace(clause, " ");
                }
            }
        }
        return rest;
    }

    private static Outcome read(Draft d, String text) {
        for (Pattern p : List.of(MAKE, IS, CHANGED)) {
            Matcher m = p.matcher(text);
            if (m.matches()) {
                boolean fixed = p == CHANGED ? !Set.of("can", "may", "should").contains(Words.lower(m.group(2)))
                        : !Words.lower(m.group(2)).matches(FREE);
                return apply(d, m.group(1), fixed);
            }
        }
        return Outcome.NOT_THIS_SHAPE;
    }

    /** Marks what {@code target} names ("tickets", "the email of member", "isbn and title"), all or nothing. */
    private static Outcome apply(Draft d, String target, boolean fixed) {
        String t = LEADING.matcher(target.trim()).replaceFirst("");
        if (WHOLE_API.contains(Words.lower(t))) {
            return Outcome.WHOLE_API;
        }
        List<String> items = Words.splitList(t);
        Spec next = d.spec();
        for (String item : items) {
            // Every item must name something, or the sentence was about something else ("the price is fixed").
            Optional<Spec> marked = mark(next, LEADING.matcher(item.trim()).replaceFirst(""), fixed);
            if (marked.isEmpty()) {
                return Outcome.UNKNOWN_TARGET;
            }
            next = marked.get();
        }
        if (items.isEmpty()) {
            return Outcome.NOT_THIS_SHAPE;
        }
        d.update(next);
        return Outcome.MARKED;
    }

    /** The spec with the field or entity {@code item} names marked, or empty when it names neither. */
    private static Optional<Spec> mark(Spec spec, String item, boolean fixed) {
        Matcher of = OF.matcher(item);
        if (of.matches()) {
            Optional<Entity> in = EntityEdits.find(spec, of.group(2));
            if (in.isPresent()) {
                return field(spec, List.of(in.get()), of.group(1), fixed);
            }
        }
        Matcher owner = POSSESSIVE.matcher(item);
        if (owner.matches()) {
            Optional<Entity> in = EntityEdits.find(spec, owner.group(1));
            if (in.isPresent()) {
                return field(spec, List.of(in.get()), owner.group(2), fixed);
            }
        }
        Optional<Spec> asField = field(spec, spec.entities(), item, fixed);
        if (asField.isPresent()) {
            return asField;
        }
        Optional<Entity> entity = EntityEdits.find(spec, item);
        return entity.map(e -> spec.withEntities(spec.entities().stream()
                .map(x -> x.equals(e) ? x.withReadOnly(fixed) : x).toList()));
    }

    /** The spec with the field {@code words} of the entities {@code in} marked, or empty when none of them has it. */
    private static Optional<Spec> field(Spec spec, List<Entity> in, String words, boolean fixed) {
        Optional<String> name = Names.camel(words.replaceFirst("(?i)\\s+(?:field|column|property)$", ""), false);
        if (name.isEmpty() || in.stream().noneMatch(e -> e.fields().stream().anyMatch(f -> f.name().equals(name.get())))) {
            return Optional.empty();
        }
        return Optional.of(spec.withEntities(spec.entities().stream().map(e -> !in.contains(e) ? e
                : e.withOnly(e.fields().stream().map(f -> f.name().equals(name.get()) ? f.withReadOnly(fixed) : f).toList()))
                .toList()));
    }
}
