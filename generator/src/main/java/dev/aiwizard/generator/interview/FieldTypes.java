package dev.aiwizard.generator.interview;

import dev.aiwizard.core.spec.FieldType;
import dev.aiwizard.generator.text.Inflector;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads field types: from a type word people write, or guessed from the field's own name. */
final class FieldTypes {
    /** Words beyond {@link FieldType#parse} that people use for types. */
    private static final Map<String, FieldType> EXTRA = Map.ofEntries(
            Map.entry("bigint", FieldType.INTEGER), Map.entry("short", FieldType.INTEGER),
            Map.entry("smallint", FieldType.INTEGER), Map.entry("numeric", FieldType.DECIMAL),
            Map.entry("real", FieldType.DECIMAL), Map.entry("currency", FieldType.DECIMAL),
            Map.entry("bit", FieldType.BOOLEAN), Map.entry("yesno", FieldType.BOOLEAN),
            Map.entry("date time", FieldType.TIMESTAMP), Map.entry("time stamp", FieldType.TIMESTAMP),
            Map.entry("char", FieldType.TEXT), Map.entry("chars", FieldType.TEXT), Map.entry("characters", FieldType.TEXT),
            Map.entry("strings", FieldType.TEXT), Map.entry("integers", FieldType.INTEGER),
            Map.entry("decimals", FieldType.DECIMAL), Map.entry("booleans", FieldType.BOOLEAN),
            Map.entry("dates", FieldType.DATE), Map.entry("timestamps", FieldType.TIMESTAMP));
    /**
     * Type words that are never the last word of a field's name, so "pages integer" is a field "pages" of type
     * integer. ("due date" is different: "date" usually belongs to the name.)
     */
    private static final Set<String> PURE = Set.of("text", "string", "str", "varchar", "integer", "int", "long",
            "decimal", "double", "float", "bigdecimal", "boolean", "bool", "checkbox", "yes/no", "true/false",
            "localdate", "timestamp", "datetime", "instant", "date-time", "bigint", "numeric", "real", "yesno");
    private static final Set<String> BOOLEAN_WORDS = Set.of("done", "completed", "complete", "finished", "active",
            "enabled", "disabled", "archived", "visible", "hidden", "available", "paid", "approved", "verified",
            "confirmed", "starred", "favorite", "favourite", "pinned", "locked", "resolved", "urgent", "featured");
    private static final Set<String> DECIMAL_WORDS = Set.of("price", "amount", "cost", "total", "balance", "salary",
            "fee", "budget", "money", "tax", "discount", "subtotal", "wage", "income", "expense", "weight", "value", "rate",
            "temperature", "distance", "latitude", "longitude");
    private static final Set<String> INTEGER_WORDS = Set.of("count", "quantity", "qty", "number", "age", "year",
            "pages", "stock", "rating", "score", "priority", "size", "capacity", "rank", "position", "duration",
            "minutes", "seconds", "hours", "level", "points", "votes", "likes", "views", "population", "servings",
            "calories", "seats", "copies", "floor", "length", "width", "height", "days", "mileage", "players", "attendees",
            "guests", "participants", "shares", "steps", "reps", "sets", "laps", "goals", "stars", "nights");
    /** "min players", "max score": a bound, so a number. */
    private static final Set<String> BOUND_STARTS = Set.of("min", "max", "minimum", "maximum", "total", "number");
    /** Numbers that are really identifiers, so text ("phone number"). */
    private static final Set<String> TEXT_NUMBERS = Set.of("phone", "mobile", "telephone", "fax", "isbn", "serial",
            "account", "card", "license", "licence", "passport", "tracking", "reference", "order", "invoice", "vat", "room",
            "house", "flat", "apartment", "street", "postal", "zip", "registration", "model", "part", "batch", "lot");
    private static final Set<String> EMAIL_WORDS = Set.of("email", "mail", "e-mail");
    private static final Set<String> URL_WORDS = Set.of("url", "link", "website", "homepage", "uri", "webpage");
    private static final Set<String> DATE_WORDS = Set.of("date", "day", "birthday", "deadline", "dob", "anniversary");
    private static final Set<String> TIME_WORDS = Set.of("time", "timestamp", "datetime", "at");
    private static final Set<String> BOOLEAN_STARTS = Set.of("is", "has", "can", "should", "allows", "needs");
    private static final Set<String> FILLER = Set.of("it", "its", "it's", "the", "they", "this", "he", "she",
            "there", "been", "be", "being");
    private static final Set<String> VERBS_BE = Set.of("is", "was", "are", "were", "been", "be", "got", "gets");

    /** A field's name words and type, as guessed from how it was written. */
    record Guess(List<String> nameWords, FieldType type) {
    }

    private FieldTypes() {
    }

    /** The type named by {@code word}, e.g. "string", "bool", "date-time". */
    static Optional<FieldType> parse(String word) {
        String w = Words.lower(word.trim());
        return FieldType.parse(w).or(() -> Optional.ofNullable(EXTRA.get(w)));
    }

    /** Whether {@code word} names only a type and never ends a field name. */
    static boolean isPure(String word) {
        return PURE.contains(Words.lower(word));
    }

    /** The readable list of type labels, for notes and questions. */
    static String labels() {
        return String.join(", ", java.util.Arrays.stream(FieldType.values()).map(FieldType::label).toList());
    }

    /** Guesses the type of a field from its name words ("due date" -> date, "done flag" -> boolean "done"). */
    static Guess guess(List<String> words) {
        List<String> w = words.stream().map(Words::lower).toList();
        String first = w.getFirst();
        String last = w.getLast();
        if (first.equals("whether") || first.equals("if")) {
            return new Guess(afterBe(w.subList(1, w.size())), FieldType.BOOLEAN);
        }
        if (w.size() >= 3 && (w.subList(0, 2).equals(List.of("number", "of")) || w.subList(0, 2).equals(List.of("count", "of"))
                || w.subList(0, 2).equals(List.of("how", "many")) || w.subList(0, 2).equals(List.of("quantity", "of")))) {
            return new Guess(words.subList(2, words.size()), FieldType.INTEGER);
        }
        if (last.equals("flag") && w.size() > 1) {
            return new Guess(words.subList(0, words.size() - 1), FieldType.BOOLEAN);
        }
        if (last.equals("flag") || (w.size() == 1 && BOOLEAN_WORDS.contains(last))
                || (w.size() > 1 && BOOLEAN_STARTS.contains(first))) {
            return new Guess(words, FieldType.BOOLEAN);
        }
        if (EMAIL_WORDS.contains(last) || w.size() > 1 && last.equals("address") && EMAIL_WORDS.contains(w.get(w.size() - 2))) {
            return new Guess(words, FieldType.EMAIL);
        }
        if (URL_WORDS.contains(last) || w.size() > 1 && last.equals("address") && w.get(w.size() - 2).equals("web")) {
            return new Guess(words, FieldType.URL);
        }
        if (DATE_WORDS.contains(last) || w.size() > 2 && first.equals("date") && w.get(1).equals("of")) {
            return new Guess(words, FieldType.DATE);
        }
        if (TIME_WORDS.contains(last) && (w.size() > 1 || !last.equals("at"))) {
            return new Guess(words, FieldType.TIMESTAMP);
        }
        if (DECIMAL_WORDS.contains(last)) {
            return new Guess(words, FieldType.DECIMAL);
        }
        if (w.size() > 2 && (last.equals("number") || last.equals("count")) && Inflector.isPlural(w.get(w.size() - 2))) {
            // "a max attendees number" counts attendees.
            return new Guess(words.subList(0, words.size() - 1), FieldType.INTEGER);
        }
        if (w.size() > 1 && BOUND_STARTS.contains(first) && !DECIMAL_WORDS.contains(last)) {
            return new Guess(words, FieldType.INTEGER);
        }
        if (INTEGER_WORDS.contains(last) && !(last.equals("number") && w.stream().anyMatch(TEXT_NUMBERS::contains))) {
            return new Guess(words, FieldType.INTEGER);
        }
        return new Guess(words, FieldType.TEXT);
    }

    /** "it has been shipped" -> [shipped]: the words after the last form of "to be", without filler. */
    private static List<String> afterBe(List<String> words) {
        int start = 0;
        for (int i = 0; i < words.size(); i++) {
            if (VERBS_BE.contains(Words.lower(words.get(i)))) {
                start = i + 1;
            }
        }
        List<String> rest = words.subList(Math.min(start, words.size()), words.size()).stream()
                .filter(x -> !FILLER.contains(Words.lower(x))).toList();
        return rest.isEmpty() ? words : rest;
    }
}
