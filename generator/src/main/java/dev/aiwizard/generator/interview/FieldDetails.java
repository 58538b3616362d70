package dev.aiwizard.generator.interview;

import dev.aiwizard.core.spec.FieldType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What people say about a field besides its name: a range ("from 1 to 5", "between 0 and 100", "(1-5)"), allowed
 * values ("(low, normal, high)", "of pending, shipped or delivered", "open/closed", "yes or no") and a unit ("in
 * grams", "in kg") that tells the number's type.
 */
final class FieldDetails {
    private static final Pattern RANGE = Pattern.compile("^(.*?)\\s*\\(?(?:from|between)?\\s*(-?\\d+)\\s*(?:to|-|–|\\.\\.)\\s*(-?\\d+)\\)?"
            + "(?:\\s+(?:percent|%|degrees|stars|points|years|minutes|hours|kg|grams|euros|dollars))?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern UNIT = Pattern.compile("^(.+?)\\s+in\\s+(?:the\\s+)?([a-z]+)$", Pattern.CASE_INSENSITIVE);
    private static final Map<String, FieldType> UNITS = units();
    /** Values in parentheses or after a colon, masked by {@link #mask} so list splitting leaves them whole. */
    private static final Pattern VALUE_LIST = Pattern.compile("^(.+?)\\s*(?:\\((.+)\\)|:\\s*(.+)|\\s(?:of|either|one of|is one of)\\s+(.+))$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SEPARATORS = Pattern.compile("\\s*(?:,|/|\\||\u0001|\u0002|\u0003)\\s*(?:and\\s+|or\\s+)?|\\s+(?:or|and)\\s+");
    private static final Pattern PARENS = Pattern.compile("\\(([^()]*)\\)");

    private FieldDetails() {
    }

    /** A range found at the end of a field phrase: the name words before it and the bounds. */
    record Range(String name, long min, long max) {
    }

    /** "yes or no" is one boolean, "between 1 and 5" one range, and lists in parentheses stay with their field. */
    static String normalize(String text) {
        String t = text.replaceAll("(?i)\\byes\\s*(?:or|/)\\s*no\\b", "yes/no").replaceAll("(?i)\\btrue\\s*(?:or|/)\\s*false\\b", "true/false")
                .replaceAll("(?i)\\bbetween\\s+(-?\\d+)\\s+and\\s+(-?\\d+)", "from $1 to $2");
        return mask(t);
    }

    /** Separators inside parentheses become control characters, so "(low, normal, high)" is one list item. */
    private static String mask(String text) {
        Matcher m = PARENS.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String inner = m.group(1).replace(",", "\u0001").replaceAll("(?i)\\s+and\\s+", "\u0002").replaceAll("(?i)\\s+or\\s+", "\u0003");
            m.appendReplacement(out, Matcher.quoteReplacement("(" + inner + ")"));
        }
        m.appendTail(out);
        return out.toString();
    }

    static Optional<Range> range(String item) {
        Matcher m = RANGE.matcher(item.trim());
        if (!m.matches() || m.group(1).isBlank()) {
            return Optional.empty();
        }
        long a = Long.parseLong(m.group(2));
        long b = Long.parseLong(m.group(3));
        return Optional.of(new Range(m.group(1).trim(), Math.min(a, b), Math.max(a, b)));
    }

    /** "weight in grams" -> the name words and the unit's type. */
    static Optional<Map.Entry<String, FieldType>> unit(String item) {
        Matcher m = UNIT.matcher(item.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        FieldType type = UNITS.get(Words.lower(m.group(2)));
        return type == null ? Optional.empty() : Optional.of(Map.entry(m.group(1), type));
    }

    /** "priority (low, normal, high)", "status: open/closed", "a status of pending": the name and at least two values. */
    static Optional<Map.Entry<String, List<String>>> values(String item) {
        Matcher m = VALUE_LIST.matcher(item.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        String list = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
        List<String> values = new ArrayList<>();
        for (String v : SEPARATORS.split(list)) {
            String value = Words.trimPunctuation(v);
            if (!value.isEmpty()) {
                values.add(value);
            }
        }
        boolean words = values.stream().allMatch(v -> v.matches("[\\p{L}\\p{N}][\\p{L}\\p{N} _.+-]{0,39}") && v.split(" ").length <= 3);
        if (values.size() < 2 || !words || values.stream().distinct().count() != values.size()
                || values.stream().anyMatch(v -> FieldTypes.parse(v).isPresent() && values.size() == 2 && !isBool(values))) {
            return Optional.empty();
        }
        return Optional.of(Map.entry(m.group(1), values));
    }

    /** Whether {@code values} is "yes, no" or "true, false": a boolean, not an enumeration. */
    static boolean isBool(List<String> values) {
        List<String> lower = values.stream().map(Words::lower).toList();
        return lower.equals(List.of("yes", "no")) || lower.equals(List.of("true", "false"));
    }

    /** The masked separators of {@link #normalize} back as commas. */
    static String unmask(String text) {
        return text.replace('\u0001', ',').replace("\u0002", " and ").replace("\u0003", " or ");
    }

    private static Map<String, FieldType> units() {
        Map<String, FieldType> u = new java.util.HashMap<>();
        Arrays.asList("grams", "gram", "g", "milligrams", "mg", "minutes", "mins", "min", "seconds", "secs", "hours", "hrs",
                "days", "weeks", "months", "years", "cents", "pages", "ml", "millilitres", "milliliters", "steps", "calories",
                "kcal", "percent", "degrees", "points", "stars", "pieces", "units", "seats", "people", "persons")
                .forEach(w -> u.put(w, FieldType.INTEGER));
        Arrays.asList("kg", "kilograms", "kilos", "km", "kilometers", "kilometres", "miles", "meters", "metres", "m",
                "liters", "litres", "l", "euros", "eur", "euro", "dollars", "usd", "pounds", "gbp", "lbs", "francs", "chf")
                .forEach(w -> u.put(w, FieldType.DECIMAL));
        return Map.copyOf(u);
    }
}
