package dev.aiwizard.generator.interview;

import dev.aiwizard.generator.text.Inflector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Text chores shared by the readers: splitting lists and clauses, dropping filler words. */
final class Words {
    private static final Pattern LIST_SEPARATOR = Pattern.compile("\\s*(?:,|;|&|\\+|\\n)\\s*(?:and\\s+|or\\s+)?|\\s+(?:and|or|plus)\\s+",
            Pattern.CASE_INSENSITIVE);
    /** Sentence ends: a period, ! or ? followed by a space (so URLs and "e.g." mostly survive), semicolons, lines. */
    private static final Pattern CLAUSE_END = Pattern.compile("(?<=[.!?])\\s+|\\s*;\\s*|\\s*\\n+\\s*");
    private static final Set<String> DETERMINERS = Set.of("a", "an", "the", "its", "their", "his", "her", "our", "my",
            "your", "some", "any", "all", "each", "every", "one", "own", "optional", "required", "mandatory", "also");
    /** Words that carry no idea: a bare greeting or "new app" is not a purpose. */
    private static final Set<String> EMPTY_WORDS = Set.of("hi", "hello", "hey", "help", "test", "new", "app", "idea",
            "wizard", "something", "please", "the", "start", "thing", "stuff");
    private static final int MAX_PURPOSE = 500;
    private static final Pattern MENTION = Pattern.compile("^(?:\\s*(?:<@[^>]+>|@\\S+|/wizard\\b|wizard:))+\\s*",
            Pattern.CASE_INSENSITIVE);

    private Words() {
    }

    /** {@code "a, b and c"} -> {@code [a, b, c]}, trimmed, blanks dropped. */
    static List<String> splitList(String text) {
        List<String> items = new ArrayList<>();
        for (String item : LIST_SEPARATOR.split(text)) {
            String t = trimPunctuation(item);
            if (!t.isEmpty()) {
                items.add(t);
            }
        }
        return items;
    }

    /** The sentences and semicolon-separated parts of {@code text}. */
    static List<String> clauses(String text) {
        List<String> out = new ArrayList<>();
        for (String c : CLAUSE_END.split(text)) {
            String t = trimPunctuation(c);
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    /** The words of {@code phrase}: split on spaces and underscores, camel case split too ("dueDate" -> due, Date). */
    static List<String> words(String phrase) {
        List<String> out = new ArrayList<>();
        for (String token : phrase.trim().split("[\\s_]+")) {
            if (!token.isEmpty()) {
                out.addAll(Inflector.camelWords(token));
            }
        }
        return out;
    }

    /** {@code words} without leading articles and possessives ("a", "the", "their", ...). */
    static List<String> withoutDeterminers(List<String> words) {
        int i = 0;
        while (i < words.size() && DETERMINERS.contains(lower(words.get(i)))) {
            i++;
        }
        return words.subList(i, words.size());
    }

    /** Trims spaces, quotes and sentence punctuation around {@code text}. */
    static String trimPunctuation(String text) {
        return text.replaceAll("^[\\s\"'`“”‘’.,;!?]+|[\\s\"'`“”‘’.,;!?]+$", "");
    }

    /** The message without a leading bot mention or command, whitespace collapsed. */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        return MENTION.matcher(text.strip()).replaceFirst("").replaceAll("\\s+", " ").strip();
    }

    /** Whether {@code text} says nothing about what to build ("hi", "new app", "?"). */
    static boolean isEmptyIdea(String text) {
        return Arrays.stream(lower(text).split("[^a-z0-9]+")).noneMatch(w -> w.length() >= 3 && !EMPTY_WORDS.contains(w));
    }

    /** {@code text} cut to a length a summary can show. */
    static String clip(String text) {
        return text.length() <= MAX_PURPOSE ? text : text.substring(0, MAX_PURPOSE) + "…";
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
