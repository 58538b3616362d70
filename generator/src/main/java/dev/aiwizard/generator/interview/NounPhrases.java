package dev.aiwizard.generator.interview;

import dev.aiwizard.generator.text.Inflector;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Picks the nouns out of a phrase like "their books, todo items and a list of authors". */
final class NounPhrases {
    /** Words that name the product, not something it manages: "a todo app: ..." */
    static final Set<String> PRODUCT_WORDS = Set.of("app", "application", "service", "api", "tool", "system",
            "backend", "server", "bot", "project", "website", "site", "platform", "program", "idea", "microservice",
            "manager", "tracker", "planner", "organizer", "organiser", "portal", "dashboard");
    /** Words that are no thing an app manages, though they stand where one would. */
    static final Set<String> NOT_NOUNS = Set.of("it", "them", "this", "that", "these", "those", "everything",
            "something", "anything", "nothing", "me", "us", "you", "him", "her", "track", "care", "sure", "up", "out",
            "time", "things", "stuff", "data", "information", "simple", "well", "everyone", "anyone", "someone",
            "dunno", "idk", "no", "yes", "none", "maybe", "whatever", "ok", "okay", "hmm", "help", "what", "why", "how",
            "we", "i", "our", "my", "your");
    private static final Pattern COLLECTION = Pattern.compile("^(?:(?:a|the)\\s+)?(?:list|lists|collection|collections|set|sets|kinds?"
            + "|types?|bunch|lot|lots|log|record|records|catalog(?:ue)?)\\s+of\\s+", Pattern.CASE_INSENSITIVE);
    private static final Set<String> ADJECTIVES = Set.of("personal", "own", "favorite", "favourite", "new", "old",
            "daily", "weekly", "monthly", "yearly", "different", "various", "many", "several", "upcoming", "past",
            "open", "closed", "active", "private", "public", "shared", "important", "small", "big", "large", "simple",
            "current", "recent", "future", "multiple", "their", "other", "more", "existing", "basic", "custom");

    private NounPhrases() {
    }

    /** The nouns of a list like "their books, authors and publishers"; in a longer list, plurals only. */
    static List<String> nouns(String head) {
        List<String> nouns = new ArrayList<>();
        for (String item : Words.splitList(head)) {
            String phrase = COLLECTION.matcher(String.join(" ", Words.withoutDeterminers(List.of(item.trim().split("\\s+")))))
                    .replaceFirst("");
            List<String> words = Words.withoutDeterminers(List.of(phrase.trim().split("\\s+")));
            if (words.isEmpty() || words.getFirst().isEmpty()) {
                continue;
            }
            String last = Words.lower(words.getLast());
            if (!last.matches("[a-z][a-z-]*[a-z]") || NOT_NOUNS.contains(last) || PRODUCT_WORDS.contains(last)) {
                continue;
            }
            nouns.add(compound(words.subList(Math.max(0, words.size() - 3), words.size() - 1)) + last);
        }
        if (nouns.size() > 1 && nouns.stream().anyMatch(n -> Inflector.isPlural(lastWord(n)))) {
            nouns.removeIf(n -> !Inflector.isPlural(lastWord(n)));
        }
        return nouns;
    }

    /** The modifiers of a compound noun ("due", "blood pressure"), each followed by a space, or "" when none fits. */
    private static String compound(List<String> before) {
        StringBuilder out = new StringBuilder();
        for (int i = before.size() - 1; i >= 0; i--) {
            String w = Words.lower(before.get(i));
            if (!w.matches("[a-z]{2,}") || ADJECTIVES.contains(w) || NOT_NOUNS.contains(w) || PRODUCT_WORDS.contains(w)) {
                break;
            }
            out.insert(0, w + " ");
        }
        return out.toString();
    }

    private static String lastWord(String phrase) {
        return phrase.substring(phrase.lastIndexOf(' ') + 1);
    }
}
