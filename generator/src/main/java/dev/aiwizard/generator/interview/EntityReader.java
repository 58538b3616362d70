package dev.aiwizard.generator.interview;

import dev.aiwizard.core.spec.Entity;
import dev.aiwizard.core.spec.Field;
import dev.aiwizard.core.spec.Names;
import dev.aiwizard.generator.text.Inflector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the entities (and their fields) people describe: "manage tasks with a title", "books and authors",
 * "Authors have a name", "book: title text, pages integer".
 */
final class EntityReader {
    /** Verbs whose object is what the app manages. Longer phrases first, so "keep track of" wins over "keep". */
    private static final Pattern VERB = Pattern.compile("\\b(?:keep(?:s|ing)? track of|keep(?:s|ing)? a (?:list|record|log) of"
            + "|manag(?:e|es|ing)|track(?:s|ing)?|keep(?:s|ing)?|organi[sz](?:e|es|ing)|cataloguing|cataloging"
            + "|collect(?:s|ing)?|maintain(?:s|ing)?|handl(?:e|es|ing)|sav(?:e|es|ing)|creat(?:e|es|ing)|add(?:s|ing)?"
            + "|register(?:s|ing)?|brows(?:e|es|ing)|shar(?:e|es|ing)|upload(?:s|ing)?|submit(?:s|ting)?|stor(?:es|ing)"
            + "|listing|recording|logging|scheduling|selling|renting|reviewing"
            + "|(?<subject>(?:to|can|could|will|should|may|i|we|you|they|people|users|teams|members|staff|customers|admins|that|which|who|also|and|just|easily|lets?\\s+\\w+)\\s+)"
            + "(?:list|record|log|store|post|schedule|review|sell|rent|plan|book|catalog|catalogue)s?)\\b"
            + "|\\b(?:catalog(?:ue)?|list|collection|database|directory|inventory|registry|library|archive|log|journal"
            + "|record|overview|register)s? of\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern URLS = Pattern.compile("(?:https?://|ssh://|git@)\\S+", Pattern.CASE_INSENSITIVE);
    private static final Pattern FIELD_INTRO = Pattern.compile("\\s*,?\\s*\\b(?:each\\s+)?(?:with|having|that have|that has|which have"
            + "|which has|who have|who has|containing|consisting of|including)\\b\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern HEAD_END = Pattern.compile("\\s+(?:for|to|so|by|in|on|from|at|via|using|where|that|which|who"
            + "|when|while|like|because|per|across|into|through|between|within|if|near|around)\\b.*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern FIELDS_END = Pattern.compile("[\\s,]+(?:where|so that|so|because|while|when|which|who|in order to"
            + "|called|named|push|pushed|deploy|deployed|and push|written in|using)\\b.*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SUBJECT_HAS = Pattern.compile("^(?:and\\s+)?(?:(?:each|every|an?|the|all|our|my)\\s+)?([A-Za-z][A-Za-z-]*)"
            + "\\s+(?:has|have|should have|must have|needs|need|contains?|consists? of|with|having|holds?)\\s+(.+)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern COLON_LIST = Pattern.compile("^([A-Za-z][A-Za-z -]{0,40}?)\\s*:\\s*(.+)$");
    private static final Pattern COLLECTION = Pattern.compile("^(?:(?:a|the)\\s+)?(?:list|lists|collection|collections|set|sets|kinds?"
            + "|types?|bunch|lot|lots|log|record|records|catalog(?:ue)?)\\s+of\\s+", Pattern.CASE_INSENSITIVE);
    private static final Pattern LAST_SEPARATOR = Pattern.compile(",|\\band\\b|\\bor\\b|&", Pattern.CASE_INSENSITIVE);
    private static final Set<String> PRONOUNS = Set.of("it", "they", "each", "these", "those", "them", "every");
    /** Words that name the product, not something it manages: "a todo app: ..." */
    private static final Set<String> PRODUCT_WORDS = Set.of("app", "application", "service", "api", "tool", "system",
            "backend", "server", "bot", "project", "website", "site", "platform", "program", "idea", "microservice");
    private static final Set<String> NOT_NOUNS = Set.of("it", "them", "this", "that", "these", "those", "everything",
            "something", "anything", "nothing", "me", "us", "you", "him", "her", "track", "care", "sure", "up", "out",
            "time", "things", "stuff", "data", "information", "simple", "well", "everyone", "anyone", "someone",
            "dunno", "idk", "no", "yes", "none", "maybe", "whatever", "ok", "okay", "hmm", "help", "what", "why", "how");
    private static final Set<String> ADJECTIVES = Set.of("personal", "own", "favorite", "favourite", "new", "old",
            "daily", "weekly", "monthly", "yearly", "different", "various", "many", "several", "upcoming", "past",
            "open", "closed", "active", "private", "public", "shared", "important", "small", "big", "large", "simple",
            "current", "recent", "future", "multiple", "their", "other", "more", "existing", "basic", "custom");
    private static final Set<String> FIELD_LIST_WORDS = Set.of("fields", "field", "attributes", "properties", "columns");
    private static final Set<String> ENTITY_LIST_WORDS = Set.of("entities", "entity", "models", "resources", "objects",
            "things", "manages", "it manages", "data");

    private final FieldReader fieldReader;
    private final Texts texts;

    EntityReader(FieldReader fieldReader, Texts texts) {
        this.fieldReader = fieldReader;
        this.texts = texts;
    }

    /** Entities found in order, fields merged per entity, and notes about what could not be used. */
    record Found(List<Entity> entities, List<String> notes) {
        boolean isEmpty() {
            return entities.isEmpty();
        }
    }

    /**
     * Entities in prose: an idea or a change request. {@code context} is the entity that pronouns and bare field
     * lists refer to ({@code null} when none).
     */
    Found fromProse(String text, String context) {
        Collector c = new Collector(context);
        for (String clause : Words.clauses(URLS.matcher(text).replaceAll(" "))) {
            clause(clause, c, true);
        }
        return c.found();
    }

    /** An answer to "what should it manage?": prose phrasings, else a bare list of nouns ("books and authors"). */
    Found fromAnswer(String text) {
        Found prose = fromProse(text, null);
        if (!prose.isEmpty()) {
            return prose;
        }
        Collector c = new Collector(null);
        for (String clause : Words.clauses(text)) {
            objectPhrase(clause, c);
        }
        Found found = c.found();
        if (found.isEmpty()) {
            List<String> notes = new ArrayList<>(found.notes());
            notes.add(texts.get("note.noEntities", "text", Words.trimPunctuation(text)));
            return new Found(List.of(), notes);
        }
        return found;
    }

    private void clause(String clause, Collector c, boolean allowColon) {
        if (allowColon && colonList(clause, c)) {
            return;
        }
        if (subjectHas(clause, c)) {
            return;
        }
        Matcher verb = VERB.matcher(clause);
        List<int[]> spans = new ArrayList<>();
        while (verb.find()) {
            spans.add(new int[] {verb.start(), verb.end()});
        }
        for (int i = 0; i < spans.size(); i++) {
            int end = i + 1 < spans.size() ? spans.get(i + 1)[0] : clause.length();
            objectPhrase(clause.substring(spans.get(i)[1], end), c);
        }
    }

    /** "book: title text, pages integer", "fields: ...", "entities: books, authors", "title:string, done:bool". */
    private boolean colonList(String clause, Collector c) {
        Matcher m = COLON_LIST.matcher(clause);
        if (!m.matches() || clause.contains("://")) {
            return false;
        }
        String head = Words.lower(m.group(1).trim());
        String rest = m.group(2);
        List<String> headWords = Words.words(head);
        if (FIELD_LIST_WORDS.contains(head)) {
            c.addFields(c.context, rest);
        } else if (ENTITY_LIST_WORDS.contains(head)) {
            objectPhrase(rest, c);
        } else if (headWords.stream().anyMatch(PRODUCT_WORDS::contains)) {
            clause(rest, c, false);
        } else if (headWords.size() > 3) {
            // "track tasks with title:string": the colon belongs to a field, not to a heading.
            return false;
        } else if (startsWithTypeWord(rest) || isFieldPair(head, rest, c)) {
            c.addFields(c.context, clause);
        } else {
            c.entity(head).ifPresent(e -> c.addFields(e, rest));
        }
        return true;
    }

    /** "Authors have a name and a birth date", "each book has a title", "it has a price". */
    private boolean subjectHas(String clause, Collector c) {
        Matcher m = SUBJECT_HAS.matcher(clause);
        if (!m.matches()) {
            return false;
        }
        String subject = Words.lower(m.group(1));
        if (PRODUCT_WORDS.contains(subject) || NOT_NOUNS.contains(subject) && !PRONOUNS.contains(subject)) {
            return false;
        }
        String target = PRONOUNS.contains(subject) ? c.context : c.entity(subject).orElse(null);
        if (target == null) {
            return false;
        }
        c.addFields(target, m.group(2));
        return true;
    }

    /**
     * "books with a title and authors with a name": nouns, each optionally followed by its fields. A noun list
     * followed by another "with" ends in the next entity ("... and authors with").
     */
    private void objectPhrase(String text, Collector c) {
        String[] segments = FIELD_INTRO.split(text, -1);
        List<String> nouns = nouns(HEAD_END.matcher(segments[0]).replaceFirst(""));
        if (nouns.isEmpty()) {
            return;
        }
        String current = null;
        for (String noun : nouns) {
            current = c.entity(noun).orElse(current);
        }
        for (int i = 1; i < segments.length && current != null; i++) {
            Matcher end = FIELDS_END.matcher(segments[i]);
            boolean stops = end.find();
            String fields = stops ? segments[i].substring(0, end.start()) : segments[i];
            String next = null;
            if (i + 1 < segments.length && !stops) {
                Matcher sep = LAST_SEPARATOR.matcher(fields);
                int start = 0;
                int afterSep = 0;
                while (sep.find()) {
                    start = sep.start();
                    afterSep = sep.end();
                }
                next = Words.trimPunctuation(fields.substring(afterSep));
                fields = fields.substring(0, start);
            }
            c.addFields(current, fields);
            if (stops || next == null) {
                break;
            }
            List<String> nextNouns = nouns(next);
            current = nextNouns.isEmpty() ? null : c.entity(nextNouns.getLast()).orElse(null);
        }
    }

    /** The nouns of a list like "their books, authors and publishers"; in a longer list, plurals only. */
    private static List<String> nouns(String head) {
        List<String> nouns = new ArrayList<>();
        for (String item : Words.splitList(head)) {
            String phrase = COLLECTION.matcher(String.join(" ", Words.withoutDeterminers(List.of(item.trim().split("\\s+")))))
                    .replaceFirst("");
            List<String> words = Words.withoutDeterminers(List.of(phrase.trim().split("\\s+")));
            if (words.isEmpty() || words.getFirst().isEmpty()) {
                continue;
            }
            String last = Words.lower(words.getLast());
            if (!last.matches("[a-z]{2,}") || NOT_NOUNS.contains(last) || PRODUCT_WORDS.contains(last)) {
                continue;
            }
            boolean compound = words.size() == 2 && words.getFirst().matches("[A-Za-z]{2,}")
                    && !ADJECTIVES.contains(Words.lower(words.getFirst())) && !NOT_NOUNS.contains(Words.lower(words.getFirst()));
            nouns.add(compound ? Words.lower(words.getFirst()) + " " + last : last);
        }
        if (nouns.size() > 1 && nouns.stream().anyMatch(n -> Inflector.isPlural(lastWord(n)))) {
            nouns.removeIf(n -> !Inflector.isPlural(lastWord(n)));
        }
        return nouns;
    }

    private static String lastWord(String phrase) {
        return phrase.substring(phrase.lastIndexOf(' ') + 1);
    }

    /** "title:colour" is one field with a (bad) type, unless "title" is the entity being talked about. */
    private static boolean isFieldPair(String head, String rest, Collector c) {
        boolean oneWord = Words.splitList(rest).size() == 1 && !rest.trim().contains(" ");
        return oneWord && c.context != null && !c.isEntity(head);
    }

    private static boolean startsWithTypeWord(String rest) {
        List<String> items = Words.splitList(rest);
        return !items.isEmpty() && FieldTypes.parse(items.getFirst()).isPresent()
                && !items.getFirst().trim().contains(" ");
    }

    /** Entity names for nouns, {@code "todo items"} -> {@code TodoItem}; merges fields per entity. */
    private final class Collector {
        private final Map<String, List<Field>> entities = new LinkedHashMap<>();
        private final List<String> notes = new ArrayList<>();
        private String context;

        Collector(String context) {
            this.context = context;
        }

        /** The entity name for {@code noun}, registered (and made the context) when valid. */
        Optional<String> entity(String noun) {
            String[] parts = noun.trim().split("\\s+");
            parts[parts.length - 1] = Inflector.singular(parts[parts.length - 1]);
            Optional<String> name = Names.camel(String.join(" ", parts), true);
            if (name.isEmpty()) {
                notes.add(texts.get("note.badEntityName", "item", noun));
                return Optional.empty();
            }
            entities.putIfAbsent(name.get(), new ArrayList<>());
            context = name.get();
            return name;
        }

        /** Whether {@code noun} names the entity in context or one found so far. */
        boolean isEntity(String noun) {
            String[] parts = noun.trim().split("\\s+");
            parts[parts.length - 1] = Inflector.singular(parts[parts.length - 1]);
            Optional<String> name = Names.camel(String.join(" ", parts), true);
            return name.isPresent() && (name.get().equals(context) || entities.containsKey(name.get()));
        }

        void addFields(String entity, String text) {
            if (entity == null || Words.trimPunctuation(text).isEmpty()) {
                return;
            }
            FieldReader.Result result = fieldReader.read(text);
            notes.addAll(result.notes());
            List<Field> fields = entities.computeIfAbsent(entity, k -> new ArrayList<>());
            for (Field f : result.fields()) {
                fields.removeIf(x -> x.name().equals(f.name()));
                fields.add(f);
            }
            context = entity;
        }

        Found found() {
            List<Entity> list = new ArrayList<>();
            entities.forEach((name, fields) -> list.add(new Entity(name, fields)));
            return new Found(list, List.copyOf(notes));
        }
    }
}
