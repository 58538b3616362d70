package dev.aiwizard.generator.interview;

import dev.aiwizard.generator.text.Inflector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads sentences that relate two things: "each task belongs to a project", "which car occupies each spot", and
 * subject-verb-object sentences ("members borrow books", "agents add comments to tickets") as {@link Verbs} reads them.
 */
final class RelationReader {
    private static final Pattern BELONGS = Pattern.compile("^(?:and\\s+)?(link\\s+)?(?:(?:each|every|an?|the|all)\\s+)?([a-z-]+(?:\\s+(?!(?:belongs?|is|are|takes?|to)\\b)[a-z-]+)?)\\s+"
            + "(?:belongs?\\s+to|(?:is|are)\\s+(?:stored|kept|located|held|placed|filed|assigned|linked|attached|part)\\s+(?:in|to|at|of|on)"
            + "|takes?\\s+place\\s+(?:at|in)|(?:is|are)\\s+(?:for|in|at|on|of)|(to))\\s+(?:(?:an?|the|one|each|some|its|their)\\s+)?([a-z-]+)"
            + "(?:\\s*,?\\s+and\\s+(?:has|have)\\s+(.+))?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern WHICH_EACH = Pattern.compile("\\bwhich\\s+([a-z-]+)\\s+[a-z]+\\s+(?:each|every|a|the)\\s+([a-z-]+)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> BOUNDARY = Set.of("where", "when", "and", "who", "that", ",", "whose", "so", "because",
            "while", "whereby");
    private static final Set<String> MODALS = Set.of("who", "can", "will", "may", "should", "must", "also", "often",
            "then", "usually", "sometimes", "just", "all", "each", "to");
    private static final Set<String> DETERMINERS = Set.of("the", "our", "their", "all", "its", "my", "your", "some", "many");
    private static final Set<String> OBJECT_END = Set.of("with", "to", "on", "for", "in", "into", "at", "from", "under",
            "against", "and", ",", "that", "which", "who", "where", "by", "of", "each", "every", "per", "so", "when", "while");
    private static final Set<String> TARGET_PREPS = Set.of("to", "on", "for", "in", "into", "under", "with", "at");
    private static final Set<String> PARTICLES = Set.of("up", "in", "for", "to", "on", "at", "into", "out");

    /** "... with a name and a price and place orders": where the fields end and another act begins. */
    private static final Pattern NEXT_ACT = Pattern.compile("\\s+(?=and\\s+(?!(?:an?|the|its|their|whether)\\b)[a-z]+\\s+[a-z-]+s\\b)",
            Pattern.CASE_INSENSITIVE);

    private final java.util.function.BiConsumer<String, EntityCollector> more;

    /** {@code rest} reads what follows a sentence's fields ("and place orders") as a clause of its own. */
    RelationReader(java.util.function.BiConsumer<String, EntityCollector> rest) {
        this.more = rest;
    }

    /** Reads {@code clause}; returns whether it related things (and so needs no other reading). */
    boolean read(String clause, EntityCollector c) {
        return belongs(clause, c) || whichEach(clause, c) || subjectVerbObject(clause, c);
    }

    /** "each task belongs to a project", "comments belong to tickets", "link each comment to a ticket". */
    private static boolean belongs(String clause, EntityCollector c) {
        Matcher m = BELONGS.matcher(clause.trim());
        if (!m.matches() || m.group(3) != null && m.group(1) == null || !isNoun(m.group(2)) || !isNoun(m.group(4))) {
            return false;
        }
        Optional<String> child = c.entity(m.group(2));
        Optional<String> parent = c.entity(m.group(4));
        if (child.isEmpty() || parent.isEmpty()) {
            return false;
        }
        c.relate(child.get(), parent.get());
        if (m.group(5) != null) {
            c.addFields(child.get(), m.group(5));
        }
        return true;
    }

    /** "which car occupies each spot": each spot holds a car. */
    private static boolean whichEach(String clause, EntityCollector c) {
        Matcher m = WHICH_EACH.matcher(clause);
        if (!m.find() || !isNoun(m.group(1)) || !isNoun(m.group(2))) {
            return false;
        }
        Optional<String> held = c.entity(m.group(1));
        Optional<String> holder = c.entity(m.group(2));
        held.ifPresent(h -> holder.ifPresent(o -> c.relate(o, h)));
        return held.isPresent() && holder.isPresent();
    }

    private boolean subjectVerbObject(String clause, EntityCollector c) {
        List<String> t = tokens(clause);
        for (int i = 0; i < t.size(); i++) {
            if (i > 0 && !BOUNDARY.contains(Words.lower(t.get(i - 1)))) {
                continue;
            }
            int s = i;
            while (s < t.size() && DETERMINERS.contains(Words.lower(t.get(s)))) {
                s++;
            }
            if (s + 2 >= t.size()) {
                return false;
            }
            int subjectEnd = s + 1;
            if (!isSubject(t.get(s)) && s + 3 < t.size() && isSubject(t.get(s + 1)) && isNoun(t.get(s))) {
                subjectEnd = s + 2;
            }
            String subject = String.join(" ", t.subList(s, subjectEnd));
            if (!isSubject(t.get(subjectEnd - 1))) {
                continue;
            }
            int v = subjectEnd;
            while (v < t.size() && MODALS.contains(Words.lower(t.get(v)))) {
                v++;
            }
            if (v + 1 < t.size() && Verbs.isVerb(t.get(v)) && apply(subject, t.get(v), t.subList(v + 1, t.size()), c)) {
                return true;
            }
        }
        return false;
    }

    /** "members" + "borrow" + "books": what the verb says about the two. */
    private boolean apply(String subject, String verb, List<String> rest, EntityCollector c) {
        int o = 0;
        while (o < rest.size() && PARTICLES.contains(Words.lower(rest.get(o)))) {
            o++;
        }
        int objectEnd = o;
        while (objectEnd < rest.size() && !OBJECT_END.contains(Words.lower(rest.get(objectEnd)))) {
            objectEnd++;
        }
        List<String> objectWords = Words.withoutDeterminers(rest.subList(o, objectEnd));
        if (objectWords.isEmpty() || objectWords.size() > 3 || !isNoun(objectWords.getLast())
                || objectWords.stream().anyMatch(w -> !w.matches("[A-Za-z-]+"))) {
            return false;
        }
        String objectPhrase = String.join(" ", objectWords);
        String target = null;
        String tail = String.join(" ", rest.subList(objectEnd, rest.size()));
        if (objectEnd + 1 < rest.size() && TARGET_PREPS.contains(Words.lower(rest.get(objectEnd)))) {
            List<String> after = new ArrayList<>();
            for (String w : Words.withoutDeterminers(rest.subList(objectEnd + 1, rest.size()))) {
                if (OBJECT_END.contains(Words.lower(w)) || after.size() == 2) {
                    break;
                }
                after.add(w);
            }
            if (!after.isEmpty() && Inflector.isPlural(after.getLast()) && isNoun(after.getLast())) {
                target = String.join(" ", after);
                int used = rest.subList(objectEnd + 1, rest.size()).indexOf(after.getLast()) + objectEnd + 2;
                tail = String.join(" ", rest.subList(Math.min(used, rest.size()), rest.size()));
            }
        }
        Optional<String> object = c.entity(objectPhrase);
        if (object.isEmpty()) {
            return false;
        }
        Optional<String> link = Verbs.link(verb);
        String singularObject = Inflector.singular(objectWords.getLast());
        boolean onBehalf = target != null && Words.lower(rest.get(objectEnd)).equals("for");
        if (link.isPresent() && !Verbs.isGeneric(subject) && onBehalf && Verbs.isEventNoun(singularObject)) {
            // "receptionists book appointments for patients": the appointment is the patient's; the receptionist
            // only uses the API, like any other actor.
            c.entity(target).ifPresent(p -> c.relate(object.get(), p));
            c.actor(subject, object.get());
        } else if (link.isPresent() && !Verbs.isGeneric(subject)) {
            String subjectEntity = c.entity(subject).orElseThrow();
            if (Verbs.isEventNoun(singularObject)) {
                c.relate(object.get(), subjectEntity);
                if (target != null) {
                    c.entity(target).ifPresent(p -> c.relate(object.get(), p));
                }
            } else {
                String linkName = c.entity(link.get()).orElseThrow();
                c.relate(linkName, subjectEntity);
                c.relate(linkName, object.get());
                if (FieldDetails.range("x " + tail).isPresent()) {
                    c.addFields(linkName, Words.lower(link.get()) + " " + tail);
                }
            }
        } else if (Verbs.owns(verb) && !Verbs.isGeneric(subject)) {
            c.relate(object.get(), c.entity(subject).orElseThrow());
        } else {
            if (target != null && !Words.lower(rest.get(objectEnd)).equals("with")) {
                c.entity(target).ifPresent(p -> c.relate(object.get(), p));
            }
            c.actor(subject, object.get());
        }
        c.context(object.get());
        int with = Words.lower(tail).startsWith("with ") ? 5 : -1;
        if (with > 0) {
            String[] parts = NEXT_ACT.split(tail.substring(with), 2);
            c.addFields(object.get(), parts[0]);
            if (parts.length > 1) {
                more.accept(parts[1], c);
            }
        }
        return true;
    }

    private static boolean isSubject(String word) {
        return word.matches("[A-Za-z-]{3,}") && Inflector.isPlural(word) && isNoun(word)
                && !NounPhrases.PRODUCT_WORDS.contains(Inflector.singular(Words.lower(word))) || Verbs.isGeneric(word);
    }

    /** A word that can name a thing; "projects" can, though "project" also names the product in "a small project". */
    private static boolean isNoun(String word) {
        String w = Words.lower(word);
        return w.matches("[a-z-]{2,}") && !NounPhrases.NOT_NOUNS.contains(w)
                && !Set.of("other", "others", "each", "every", "things", "stuff", "app", "apps", "api").contains(w);
    }

    private static List<String> tokens(String clause) {
        return new ArrayList<>(Arrays.stream(clause.replace(",", " , ").trim().split("\\s+")).filter(s -> !s.isEmpty()).toList());
    }
}
