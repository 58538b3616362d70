package dev.aiwizard.generator.text;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Singular and plural forms of English nouns, good enough for entity names and URL paths. Deliberately small:
 * regular rules plus the irregular words people actually use for things an app manages.
 */
public final class Inflector {
    private static final Map<String, String> IRREGULAR_PLURALS = Map.ofEntries(
            Map.entry("person", "people"), Map.entry("child", "children"), Map.entry("man", "men"),
            Map.entry("woman", "women"), Map.entry("mouse", "mice"), Map.entry("goose", "geese"),
            Map.entry("tooth", "teeth"), Map.entry("foot", "feet"), Map.entry("criterion", "criteria"),
            Map.entry("analysis", "analyses"), Map.entry("shelf", "shelves"), Map.entry("wolf", "wolves"),
            Map.entry("knife", "knives"), Map.entry("leaf", "leaves"), Map.entry("half", "halves"),
            Map.entry("life", "lives"), Map.entry("wife", "wives"), Map.entry("loaf", "loaves"),
            Map.entry("thief", "thieves"), Map.entry("calf", "calves"), Map.entry("scarf", "scarves"),
            Map.entry("cactus", "cacti"), Map.entry("quiz", "quizzes"));
    private static final Map<String, String> IRREGULAR_SINGULARS = invert(IRREGULAR_PLURALS);
    /** Words the same in both forms. */
    private static final Set<String> UNCOUNTABLE = Set.of("series", "species", "news", "data", "sheep", "fish",
            "deer", "equipment", "information", "feedback", "software", "inventory", "staff", "money", "music");
    /** Plurals in "-ies" whose singular ends in "-ie", not "-y". */
    private static final Set<String> IE_WORDS = Set.of("movies", "cookies", "pies", "ties", "lies", "zombies",
            "calories", "rookies", "selfies", "brownies", "smoothies", "hippies", "goalies", "genies");
    /** Plurals in "-oes" or "-uses" that drop "es" rather than "s". */
    private static final Set<String> ES_WORDS = Set.of("heroes", "potatoes", "tomatoes", "echoes", "vetoes",
            "buses", "statuses", "bonuses", "campuses", "viruses", "censuses", "focuses");

    private Inflector() {
    }

    /** {@code "tasks"} -> {@code "task"}, {@code "categories"} -> {@code "category"}; keeps the first letter's case. */
    public static String singular(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        String s;
        if (IRREGULAR_SINGULARS.containsKey(w)) {
            s = IRREGULAR_SINGULARS.get(w);
        } else if (UNCOUNTABLE.contains(w) || IRREGULAR_PLURALS.containsKey(w) || w.length() < 3
                || w.endsWith("ss") || w.endsWith("us") || w.endsWith("is") || !w.endsWith("s")) {
            s = w;
        } else if (w.endsWith("ies") && !IE_WORDS.contains(w)) {
            s = w.substring(0, w.length() - 3) + "y";
        } else if (ES_WORDS.contains(w) || w.endsWith("sses") || w.endsWith("xes") || w.endsWith("zzes")
                || w.endsWith("ches") || w.endsWith("shes")) {
            s = w.substring(0, w.length() - 2);
        } else {
            s = w.substring(0, w.length() - 1);
        }
        return sameCase(word, s);
    }

    /** {@code "task"} -> {@code "tasks"}, {@code "box"} -> {@code "boxes"}, {@code "person"} -> {@code "people"}. */
    public static String plural(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        String p;
        if (IRREGULAR_PLURALS.containsKey(w)) {
            p = IRREGULAR_PLURALS.get(w);
        } else if (UNCOUNTABLE.contains(w)) {
            p = w;
        } else if (w.endsWith("y") && w.length() > 1 && "aeiou".indexOf(w.charAt(w.length() - 2)) < 0) {
            p = w.substring(0, w.length() - 1) + "ies";
        } else if (w.endsWith("s") || w.endsWith("x") || w.endsWith("z") || w.endsWith("ch") || w.endsWith("sh")
                || ES_WORDS.contains(w + "es")) {
            p = w + "es";
        } else {
            p = w + "s";
        }
        return sameCase(word, p);
    }

    /** Whether {@code word} reads as a plural noun ("books", "people"), not a singular one. */
    public static boolean isPlural(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        return IRREGULAR_SINGULARS.containsKey(w) || !singular(w).equals(w);
    }

    /** {@code "TodoItem"} -> {@code ["Todo", "Item"]}; splits upper camel case and lower camel case into words. */
    public static List<String> camelWords(String name) {
        return List.of(name.split("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])"));
    }

    private static String sameCase(String original, String result) {
        if (!original.isEmpty() && Character.isUpperCase(original.charAt(0)) && !result.isEmpty()) {
            return Character.toUpperCase(result.charAt(0)) + result.substring(1);
        }
        return result;
    }

    private static Map<String, String> invert(Map<String, String> map) {
        var inverted = new java.util.HashMap<String, String>();
        map.forEach((k, v) -> inverted.put(v, k));
        return Map.copyOf(inverted);
    }
}
