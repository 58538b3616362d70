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

    private final Texts texts;

    FieldReader(Texts texts) {
        this.texts = texts;
    }

    /** The fields read from {@code text}, and a note for each item that could not be used. */
    record Result(List<Field> fields, List<String> notes) {
    }

    Result read(String text) {
        String body = LEAD.matcher(Words.trimPunctuation(text)).replaceFirst("");
        List<String> items = Words.splitList(body);
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
