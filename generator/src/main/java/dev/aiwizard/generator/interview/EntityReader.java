package dev.aiwizard.generator.interview;

import dev.aiwizard.core.spec.Entity;
import dev.aiwizard.generator.text.Inflector;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the entities (and their fields) people describe: "manage tasks with a title", "books and authors",
 * "Authors have a name", "book: title text, pages integer".
 */
final class EntityReader {
    private static final Pattern AND_BELONGS = Pattern.compile("\\s*,?\\s+and\\s+(?=belongs?\\s+to\\b|(?:is|are)\\s+(?:stored|kept|linked"
            + "|assigned|attached|part)\\b|takes?\\s+place\\b)", Pattern.CASE_INSENSITIVE);
    /**
     * Verbs whose object is what the app manages, longer phrases first so "keep track of" wins over "keep". Verbs
     * that are also nouns ("a book list") count only after a subject or modal ("users can list"), and "a list of"
     * / "a catalog of" introduce things too.
     */
    private static final Pattern VERB = Pattern.compile("\\b(?:keep(?:s|ing)? track of|keep(?:s|ing)? a (?:list|record|log) of"
            + "|manag(?:e|es|ing)|track(?:s|ing)?|keep(?:s|ing)?|organi[sz](?:e|es|ing)|cataloguing|cataloging"
            + "|collect(?:s|ing)?|maintain(?:s|ing)?|handl(?:e|es|ing)|sav(?:e|es|ing)|creat(?:e|es|ing)|add(?:s|ing)?"
            + "|register(?:s|ing)?|brows(?:e|es|ing)|shar(?:e|es|ing)|upload(?:s|ing)?|submit(?:s|ting)?|stor(?:es|ing)"
            + "|listing|recording|logging|scheduling|selling|renting|reviewing"
            + "|(?:(?:to|can|could|will|should|may|i|we|you|they|people|users|teams|members|staff|customers|admins|that|which|who|also|and|just|easily|lets?\\s+\\w+)\\s+)"
            + "(?:list|record|log|store|post|schedule|review|sell|rent|plan|book|catalog|catalogue|place|buy|order|write"
            + "|send|make|vote|comment|rate|reply)s?)\\b"
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
            + "\\s+(?:(?:has|have|should have|must have|needs|need|contains?|consists? of|holds?)|(with|having))\\s+(.+)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern COLON_LIST = Pattern.compile("^([A-Za-z][A-Za-z -]{0,40}?)\\s*:\\s*(.+)$");
    private static final Pattern PAREN_LIST = Pattern.compile("\\b([A-Za-z]+)\\s*\\(([^()]*[,\u0001][^()]*)\\)");
    /**
     * Where one sentence starts describing the next thing: ", each answer ...", "and each task belongs ...",
     * ", a reading has ...", ", and check-ins with ...", "and readers leave comments ...".
     */
    private static final Pattern SUBCLAUSE = Pattern.compile("\\s*,?\\s*(?:and\\s+)?(?=(?:each|every)\\s+[a-z-]+\\s+[a-z]+)"
            + "|\\s*,\\s*(?:and\\s+)?(?=(?:an?|the)\\s+[a-z-]+\\s+(?:has|have|belongs)\\b)"
            + "|\\s*,\\s*(?:and\\s+)?(?=[a-z-]+s\\s+(?:has|have|with)\\s)"
            + "|\\s+and\\s+(?=(?:the\\s+)?(?!(?:has|was|is|does|goes|its|this|his|us|yes|status|address|class|bus|plus)\\b)[a-z-]+s\\s+(?!(?:and|or|with|on|of|in|for|to|from|at|by|have|has|that|who|which|are|were|is)\\b)[a-z]+\\s+[a-z]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TOPIC = Pattern.compile("\\b(?:for|of|about)\\s+(?:(?:the|our|my|their|your)\\s+)?([a-z]+)$");
    private static final Pattern LAST_SEPARATOR = Pattern.compile(",|\\band\\b|\\bor\\b|&", Pattern.CASE_INSENSITIVE);
    private static final Pattern PRODUCT_INTRO = Pattern.compile("^(?:an?|the|our|my)\\s+[^,;]*?\\b(?:with|for)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WITH = Pattern.compile("\\bwith\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern WHERE_HEAD = Pattern.compile("^(?:an?|the|our|my)\\s+[^,]*?\\b(?:where|in which)\\s+(.+)$",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> PRONOUNS = Set.of("it", "they", "each", "these", "those", "them", "every");
    private static final Set<String> FIELD_LIST_WORDS = Set.of("fields", "field", "attributes", "properties", "columns");
    private static final Set<String> ENTITY_LIST_WORDS = Set.of("entities", "entity", "models", "resources", "objects",
            "things", "manages", "it manages", "data");

    private final FieldReader fieldReader;
    private final Texts texts;
    private final RelationReader relations = new RelationReader((rest, c) -> clause(rest, c, false));

    EntityReader(FieldReader fieldReader, Texts texts) {
        this.fieldReader = fieldReader;
        this.texts = texts;
    }

    /** Entities found in order, fields merged per entity, and notes about what could not be used. */
    record Found(List<Entity> entities, List<String> notes, List<Relation> relations, List<String> actors) {
        Found(List<Entity> entities, List<String> notes) {
            this(entities, notes, List.of(), List.of());
        }

        boolean isEmpty() {
            return entities.isEmpty();
        }
    }

    /**
     * Entities in prose: an idea or a change request. {@code context} is the entity that pronouns and bare field
     * lists refer to ({@code null} when none).
     */
    Found fromProse(String text, String context) {
        EntityCollector c = newCollector(context);
        for (String sentence : Words.clauses(FieldDetails.normalize(URLS.matcher(text).replaceAll(" ")))) {
            for (String clause : SUBCLAUSE.split(sentence)) {
                if (!Words.trimPunctuation(clause).isEmpty()) {
                    clause(parenLists(Words.trimPunctuation(clause), c), c, true);
                }
            }
        }
        return c.found();
    }

    /** An answer to "what should it manage?": prose phrasings, else a bare list of nouns ("books and authors"). */
    Found fromAnswer(String text) {
        Found prose = fromProse(text, null);
        if (!prose.isEmpty()) {
            return prose;
        }
        EntityCollector c = newCollector(null);
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

    private EntityCollector newCollector(String context) {
        return new EntityCollector(fieldReader, texts, context);
    }

    /** "posts (title, body, published flag)": takes the entity with its fields, leaves "posts" in the clause. */
    private static String parenLists(String clause, EntityCollector c) {
        Matcher m = PAREN_LIST.matcher(clause);
        StringBuilder rest = new StringBuilder();
        while (m.find()) {
            if (Inflector.isPlural(m.group(1)) || looksLikeFields(m.group(2))) {
                c.entity(m.group(1)).ifPresent(e -> c.addFields(e, FieldDetails.unmask(m.group(2))));
                m.appendReplacement(rest, Matcher.quoteReplacement(m.group(1)));
            } else {
                m.appendReplacement(rest, Matcher.quoteReplacement(m.group()));
            }
        }
        m.appendTail(rest);
        return rest.toString();
    }

    private void clause(String clause, EntityCollector c, boolean allowColon) {
        if (allowColon && colonList(clause, c)) {
            return;
        }
        if (relations.read(clause, c) || subjectHas(clause, c)) {
            return;
        }
        Matcher where = WHERE_HEAD.matcher(clause);
        if (where.matches() && SUBJECT_HAS.matcher(where.group(1)).matches()) {
            // "a wedding site where guests have a name": the product, then a sentence about what it keeps.
            clause(where.group(1), c, false);
            return;
        }
        Matcher verb = VERB.matcher(clause);
        List<int[]> spans = new ArrayList<>();
        while (verb.find()) {
            spans.add(new int[] {verb.start(), verb.end()});
        }
        // "track shipments with a tracking number": a verb after "with" is part of a field name.
        for (int i = spans.size() - 1; i > 0; i--) {
            if (WITH.matcher(clause.substring(spans.get(i - 1)[1], spans.get(i)[0])).find()) {
                spans.remove(i);
            }
        }
        int intro = productIntro(clause);
        if (intro >= 0 && (spans.isEmpty() || spans.getFirst()[0] > intro)) {
            spans.addFirst(new int[] {intro, intro});
        }
        for (int i = 0; i < spans.size(); i++) {
            int end = i + 1 < spans.size() ? spans.get(i + 1)[0] : clause.length();
            objectPhrase(clause.substring(spans.get(i)[1], end), c);
        }
    }

    /** "book: title text, pages integer", "fields: ...", "entities: books, authors", "title:string, done:bool". */
    private boolean colonList(String clause, EntityCollector c) {
        Matcher m = COLON_LIST.matcher(clause);
        if (!m.matches() || clause.contains("://")) {
            return false;
        }
        String head = String.join(" ", Words.withoutDeterminers(Words.words(Words.lower(m.group(1).trim()))));
        String rest = m.group(2);
        List<String> headWords = Words.words(head);
        if (FIELD_LIST_WORDS.contains(head)) {
            c.addFields(c.context(), rest);
        } else if (ENTITY_LIST_WORDS.contains(head)) {
            objectPhrase(rest, c);
        } else if (SUBJECT_HAS.matcher(rest).matches() || VERB.matcher(rest).find()) {
            // "A bookmark manager: bookmarks have a url": a heading, then a sentence.
            clause(rest, c, false);
        } else if (headWords.stream().anyMatch(NounPhrases.PRODUCT_WORDS::contains)) {
            // "an api for events: name text, ...": the heading names the entity after "for".
            Matcher topic = TOPIC.matcher(head);
            Optional<String> entity = topic.find() ? c.entity(topic.group(1)) : Optional.empty();
            entity.ifPresentOrElse(e -> c.addFields(e, rest), () -> clause(rest, c, false));
        } else if (headWords.size() > 3) {
            // "track tasks with title:string": the colon belongs to a field, not to a heading.
            return false;
        } else if (startsWithTypeWord(rest) || isFieldPair(head, rest, c)) {
            c.addFields(c.context(), clause);
        } else {
            c.entity(head).ifPresent(e -> c.addFields(e, rest));
        }
        return true;
    }

    /** "Authors have a name and a birth date", "each book has a title", "it has a price". */
    private boolean subjectHas(String clause, EntityCollector c) {
        Matcher m = SUBJECT_HAS.matcher(clause);
        if (!m.matches()) {
            return false;
        }
        String subject = Words.lower(m.group(1));
        if (NounPhrases.PRODUCT_WORDS.contains(subject) || NounPhrases.NOT_NOUNS.contains(subject) && !PRONOUNS.contains(subject)) {
            return false;
        }
        if (m.group(2) != null && !PRONOUNS.contains(subject) && !Inflector.isPlural(subject)) {
            // "tasks with a title" lists fields; "a blog with posts" describes the product.
            return false;
        }
        if (m.group(2) != null && !PRONOUNS.contains(subject)) {
            // "members with a name and email, books with a title": a list of things, each with its fields.
            objectPhrase(clause, c);
            return true;
        }
        String target = PRONOUNS.contains(subject) ? c.context() : c.entity(subject).orElse(null);
        if (target == null) {
            return false;
        }
        // "each city has a name and belongs to a country": the fields, then a relation of the same subject.
        String[] parts = AND_BELONGS.split(m.group(3), 2);
        c.addFields(target, parts[0]);
        if (parts.length > 1) {
            relations.read("each " + m.group(1) + " " + parts[1], c);
        }
        return true;
    }

    /**
     * "books with a title and authors with a name": nouns, each optionally followed by its fields. A noun list
     * followed by another "with" ends in the next entity ("... and authors with").
     */
    private void objectPhrase(String text, EntityCollector c) {
        String[] segments = FIELD_INTRO.split(text, -1);
        List<String> nouns = NounPhrases.nouns(HEAD_END.matcher(segments[0]).replaceFirst(""));
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
            List<String> nextNouns = NounPhrases.nouns(next);
            current = nextNouns.isEmpty() ? null : c.entity(nextNouns.getLast()).orElse(null);
        }
    }


    /**
     * "a gift card api with cards ...", "a fleet manager for trucks ...": where the things a product description
     * names begin, or -1. Only a plural right after "with" or "for" counts ("a service for my shop" names none).
     */
    private static int productIntro(String clause) {
        Matcher m = PRODUCT_INTRO.matcher(clause);
        while (m.find()) {
            String[] next = clause.substring(m.end()).trim().split("[\\s,(]+");
            List<String> words = Words.withoutDeterminers(List.of(next));
            for (int i = 0; i < Math.min(3, words.size()); i++) {
                String w = Words.lower(words.get(i));
                if (Inflector.isPlural(w) && !NounPhrases.NOT_NOUNS.contains(w) && w.matches("[a-z-]{3,}")) {
                    return m.end();
                }
            }
        }
        return -1;
    }

    /** "title, speaker, room": names with articles or typed names read as fields, not as allowed values. */
    private static boolean looksLikeFields(String list) {
        String plain = FieldDetails.unmask(list);
        return plain.matches("(?i).*\\b(?:an?|the)\\s.*") || plain.contains(":");
    }

    /** "title:colour" is one field with a (bad) type, unless "title" is the entity being talked about. */
    private static boolean isFieldPair(String head, String rest, EntityCollector c) {
        boolean oneWord = Words.splitList(rest).size() == 1 && !rest.trim().contains(" ");
        return oneWord && c.context() != null && !c.isEntity(head);
    }

    private static boolean startsWithTypeWord(String rest) {
        List<String> items = Words.splitList(rest);
        return !items.isEmpty() && FieldTypes.parse(items.getFirst()).isPresent()
                && !items.getFirst().trim().contains(" ");
    }
}
