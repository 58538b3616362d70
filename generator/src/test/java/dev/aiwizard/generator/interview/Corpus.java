package dev.aiwizard.generator.interview;

import dev.aiwizard.core.spec.Entity;
import dev.aiwizard.core.spec.Field;
import dev.aiwizard.core.spec.FieldType;
import dev.aiwizard.core.spec.Slot;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The cases of {@code corpus.txt}: what a person writes, and the entities the spec should have afterwards. */
final class Corpus {
    private static final Pattern ENTITY = Pattern.compile("([A-Z][A-Za-z0-9]*)\\(([^)]*)\\)( read-only)?");
    private static final String READ_ONLY = " read-only";
    private static final Pattern RANGE = Pattern.compile("(\\w+)\\s+(-?\\d+)\\.\\.(-?\\d+)");

    /** One case: an idea, or a given spec with an answer or a change; {@code expected} null means "ask". */
    record Case(int line, String idea, List<Entity> given, Slot answerSlot, String answer, String change,
                List<Entity> expected, List<String> assumed) {
        boolean isIdeaOnly() {
            return idea != null && answer == null;
        }

        String label() {
            String what = change != null ? "change: " + change : answer != null ? "answer " + answerSlot + ": " + answer : idea;
            return "line " + line + ": " + what;
        }
    }

    private Corpus() {
    }

    static List<Case> read() {
        try (InputStream in = Corpus.class.getResourceAsStream("corpus.txt")) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Case> parse(String text) {
        List<Case> cases = new ArrayList<>();
        String idea = null;
        List<Entity> given = null;
        Slot slot = null;
        String answer = null;
        String change = null;
        List<Entity> expected = null;
        boolean ask = false;
        List<String> assumed = new ArrayList<>();
        int start = 0;
        String[] lines = text.split("\n");
        for (int i = 0; i <= lines.length; i++) {
            String line = i < lines.length ? lines[i].strip() : "";
            if (line.isEmpty() || line.startsWith("#")) {
                if (expected != null || ask) {
                    cases.add(new Case(start, idea, given, slot, answer, change, ask ? null : expected, List.copyOf(assumed)));
                }
                idea = null;
                given = null;
                slot = null;
                answer = null;
                change = null;
                expected = null;
                ask = false;
                assumed.clear();
                continue;
            }
            int colon = line.indexOf(':');
            String key = line.substring(0, colon);
            String value = line.substring(colon + 1).strip();
            if (idea == null && given == null) {
                start = i + 1;
            }
            if (key.equals("idea")) {
                idea = value;
            } else if (key.equals("given")) {
                given = entities(value);
            } else if (key.startsWith("answer ")) {
                slot = Slot.valueOf(key.substring("answer ".length()));
                answer = value;
            } else if (key.equals("change")) {
                change = value;
            } else if (key.equals("expect")) {
                ask = value.equals("ask");
                expected = ask ? null : entities(value);
            } else if (key.equals("assume")) {
                assumed.add(value);
            } else {
                throw new IllegalArgumentException("corpus line " + (i + 1) + ": unknown key " + key);
            }
        }
        return cases;
    }

    static List<Entity> entities(String text) {
        List<Entity> out = new ArrayList<>();
        Matcher m = ENTITY.matcher(text);
        while (m.find()) {
            List<Field> fields = new ArrayList<>();
            for (String f : m.group(2).split(",")) {
                if (!f.isBlank()) {
                    fields.add(field(f.strip()));
                }
            }
            out.add(new Entity(m.group(1), fields, m.group(3) != null));
        }
        return out;
    }

    /** "title", "done:boolean", "rating:integer 1..5", "priority:low|high", "ticketId->Ticket", "email:email read-only". */
    private static Field field(String text) {
        if (text.endsWith(READ_ONLY)) {
            return field(text.substring(0, text.length() - READ_ONLY.length()).strip()).withReadOnly(true);
        }
        if (text.contains("->")) {
            String[] parts = text.split("->");
            return Field.reference(parts[0].strip(), parts[1].strip());
        }
        int colon = text.indexOf(':');
        if (colon < 0) {
            return new Field(text, FieldType.TEXT);
        }
        String name = text.substring(0, colon).strip();
        String type = text.substring(colon + 1).strip();
        if (type.contains("|")) {
            return Field.oneOf(name, Arrays.stream(type.split("\\|")).map(String::strip).toList());
        }
        Matcher range = RANGE.matcher(type);
        if (range.matches()) {
            return new Field(name, FieldType.parse(range.group(1)).orElseThrow(), null, List.of(),
                    Long.parseLong(range.group(2)), Long.parseLong(range.group(3)));
        }
        return new Field(name, FieldType.parse(type).orElseThrow(() -> new IllegalArgumentException(type)));
    }
}
