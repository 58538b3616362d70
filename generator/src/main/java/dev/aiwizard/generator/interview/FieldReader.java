package dev.aiwizard.generator.interview;

import dev.aiwizard.core.spec.Field;
import dev.aiwizard.core.spec.FieldType;
import dev.aiwizard.core.spec.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a list of fields: typed ("title text, done:bool, price (decimal)") or in prose ("a title and a done flag"),
 * guessing types from names where none is given.
 */
final class FieldReader {
    private static final Pattern LEAD = Pattern.compile(
            "^(?:(?:it|they|each one|each|every one)\\s+)?(?:with|has|have|having|should have|needs|need|contains?|fields?\\s*(?:are|:)?)\\s+",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern COLON = Pattern.compile("^(.+?)\\s*:\\s*(.+)$");
    private static final Pattern PARENS = Pattern.compile("^(.+?)\\s*\\(\\s*(.+?)\\s*\\)$");
    private static final Pattern OF_TYPE = Pattern.compile("^(.+?)\\s+(?:of type|typed|type)\\s+(.+)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern NOISE = Pattern.compile("\\s*\\((?:optional|required|mandatory)\\)|\\s+(?:field|fields|column|columns|property|properties|attribute|attributes)$",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern VALUE_START = Pattern.compile("\\b(?:status|state|type|kind|category|level|mode|stage|priority"
            + "|size|role|colou?r|gender|difficulty|condition|phase|tier|plan|visibility|currency|language|format|channel"
            + "|result|outcome|severity|frequency|method|position|choice)\\s+(?:of|either|one of|:)\\s+[^,:]+$", Pattern.CASE_INSENSITIVE);

    private final Texts texts;

    FieldReader(Texts texts) {
        this.texts = texts;
    }

    /** The fields read from {@code text}, and a note for each item that could not be used. */
    record Result(List<Field> fields, List<String> notes) {
    }

    Result read(String text) {
        String body = FieldDetails.normalize(LEAD.matcher(Words.trimPunctuation(text)).replaceFirst(""));
        List<String> items = mergeValues(Words.splitList(body));
        boolean typed = items.stream().anyMatch(FieldReader::looksTyped);
        List<Field> fields = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (String item : items) {
            String clean = NOISE.matcher(item).replaceAll("").trim();
            if (clean.isEmpty()) {
                continue;
            }
            read(clean, typed, notes).ifPresent(f -> {
                if (fields.stream().noneMatch(x -> x.name().equals(f.name()))) {
                    fields.add(f);
                }
            });
        }
        return new Result(fields, notes);
    }

    private Optional<Field> read(String raw, boolean typedList, List<String> notes) {
        String plain = String.join(" ", raw.trim().split("\\s+")).replaceFirst("(?i)^(?:(?:a|an|the|its|their|some|one)\\s+)+", "");
        var values = FieldDetails.values(plain);
        if (values.isPresent()) {
            List<String> nameWords = Words.withoutDeterminers(Words.words(values.get().getKey()));
            return FieldDetails.isBool(values.get().getValue()) ? field(nameWords, FieldType.BOOLEAN, plain, notes)
                    : field(nameWords, FieldType.TEXT, plain, notes).map(f -> Field.oneOf(f.name(), values.get().getValue()));
        }
        var range = FieldDetails.range(plain);
        if (range.isPresent()) {
            Optional<Field> f = read(range.get().name(), typedList, notes);
            // A range of whole numbers is a whole number, whatever the name suggests ("a discount from 1 to 90").
            return f.map(x -> (x.type() == FieldType.DECIMAL ? x.withType(FieldType.INTEGER) : x)
                    .withRange(range.get().min(), range.get().max()));
        }
        var unit = FieldDetails.unit(plain);
        if (unit.isPresent()) {
            return field(Words.withoutDeterminers(Words.words(unit.get().getKey())), unit.get().getValue(), plain, notes);
        }
        raw = FieldDetails.unmask(raw);
        List<String> rawWords = Words.words(raw);
        // "a due date" is prose even in a typed list: an article means the words are a name.
        boolean prose = !rawWords.isEmpty() && Words.withoutDeterminers(rawWords).size() < rawWords.size();
        String item = String.join(" ", raw.trim().split("\\s+")).replaceFirst("(?i)^(?:(?:a|an|the|its|their|some|one)\\s+)+", "");
        Matcher explicit = explicitType(item);
        if (explicit != null) {
            Optional<FieldType> type = FieldTypes.parse(explicit.group(2));
            if (type.isEmpty()) {
                notes.add(texts.get("note.unknownType", Map.of("item", item, "types", FieldTypes.labels())));
                return Optional.empty();
            }
            return field(Words.withoutDeterminers(Words.words(explicit.group(1))), type.get(), item, notes);
        }
        List<String> words = Words.withoutDeterminers(Words.words(item));
        if (words.isEmpty()) {
            return Optional.empty();
        }
        String last = Words.lower(words.getLast());
        if (words.size() >= 2 && (FieldTypes.isPure(last) || typedList && !prose && (last.equals("date") || last.equals("time")))) {
            return field(words.subList(0, words.size() - 1), FieldTypes.parse(last).orElseThrow(), item, notes);
        }
        FieldTypes.Guess guess = FieldTypes.guess(words);
        return field(guess.nameWords(), guess.type(), item, notes);
    }

    private Optional<Field> field(List<String> nameWords, FieldType type, String item, List<String> notes) {
        Optional<String> name = Names.camel(String.join(" ", nameWords), false);
        if (name.isEmpty()) {
            notes.add(texts.get("note.badFieldName", "item", item));
            return Optional.empty();
        }
        if (name.get().equals("id")) {
            notes.add(texts.get("note.idField", "item", item));
            return Optional.empty();
        }
        return Optional.of(new Field(name.get(), type));
    }

    /**
     * "a status of pending", "shipped", "delivered": the values a list split apart, joined again behind their field.
     * Only after names that usually hold one of a few values, so "the number of pages, price" stays two fields.
     */
    private static List<String> mergeValues(List<String> items) {
        List<String> out = new ArrayList<>();
        for (String item : items) {
            String prev = out.isEmpty() ? null : out.getLast();
            boolean bare = !item.contains(" ") || item.split(" ").length <= 2 && Words.withoutDeterminers(Words.words(item)).size() == Words.words(item).size();
            if (prev != null && bare && VALUE_START.matcher(prev).find() && FieldTypes.parse(item).isEmpty()) {
                out.set(out.size() - 1, prev + "/" + item);
            } else {
                out.add(item);
            }
        }
        return out;
    }

    /** "title:string", "price (decimal)", "pages of type integer": the name and the type word, else null. */
    private static Matcher explicitType(String item) {
        for (Pattern p : List.of(COLON, PARENS, OF_TYPE)) {
            Matcher m = p.matcher(item);
            if (m.matches()) {
                return m;
            }
        }
        return null;
    }

    private static boolean looksTyped(String item) {
        if (explicitType(item) != null) {
            return true;
        }
        List<String> words = Words.words(item);
        return words.size() >= 2 && FieldTypes.isPure(words.getLast());
    }
}
