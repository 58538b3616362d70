package dev.aiwizard.generator.interview;

import dev.aiwizard.core.spec.Names;
import dev.aiwizard.core.spec.Spec;
import dev.aiwizard.generator.text.Inflector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Suggests a project name from the idea and reads the name people give, refusing ones unsafe as paths or branches. */
final class NameReader {
    /** "called shop-api", "name it shop-api", "rename to shop-api". */
    static final Pattern EXPLICIT = Pattern.compile("\\b(?:called|named|name it|call it|name:|project name(?: is)?:?|rename(?: it| the project)? to)"
            + "\\s+[\"'`“]?([^\\s\"'`”,;]+)", Pattern.CASE_INSENSITIVE);
    private static final Set<String> FILLER = Set.of("i", "we", "want", "wanna", "need", "would", "like", "to", "build",
            "make", "create", "write", "generate", "me", "us", "please", "can", "could", "you", "a", "an", "the", "some",
            "new", "simple", "small", "tiny", "basic", "little", "quick", "my", "our", "d", "let's", "lets", "just", "i'd",
            "we'd", "i'm", "we're", "really", "very");
    /** Heads that start with a verb ("track my books") name no product; the entities do better. */
    private static final Set<String> VERBS = Set.of("track", "manage", "keep", "store", "list", "organize", "organise",
            "collect", "log", "record", "help", "let", "allow", "share", "plan", "schedule", "book", "sell", "find");
    private static final Set<String> STOP = Set.of("where", "that", "which", "who", "for", "to", "with", "so", "in",
            "on", "of", "and", "or", "by", "from", "using", "via", "when", "letting", "allowing", "lets", "helping",
            "should", "will", "can", "is", "are", "has", "have", "people", "users", "like");
    private static final Set<String> GENERIC = Set.of("app", "service", "api", "application", "tool", "system",
            "backend", "server", "thing", "project", "program", "microservice", "rest", "web", "bot");
    private static final Set<String> YES = Set.of("yes", "y", "ok", "okay", "sure", "fine", "first", "the first",
            "first one", "the first one", "sounds good", "that", "that one", "yep", "yeah", "good", "great", "perfect");

    private final Texts texts;

    NameReader(Texts texts) {
        this.texts = texts;
    }

    /** A name the person gave outright in any message ("... called shop-api"). */
    static Optional<String> explicit(String text) {
        Matcher m = EXPLICIT.matcher(text);
        return m.find() ? Names.slug(m.group(1)).filter(s -> isSafe(m.group(1))) : Optional.empty();
    }

    /** The suggested slug: from the idea's head words ("a todo service where ..." -> todo-service), else the entities. */
    String suggest(Spec spec) {
        if (spec.purpose() != null) {
            List<String> head = new ArrayList<>();
            for (String w : spec.purpose().split("[^A-Za-z0-9'-]+")) {
                String lw = Words.lower(w);
                if (lw.isEmpty() || head.isEmpty() && FILLER.contains(lw)) {
                    continue;
                }
                if (STOP.contains(lw) || head.size() == 4) {
                    break;
                }
                head.add(lw);
            }
            if (!head.isEmpty() && !GENERIC.containsAll(head) && !VERBS.contains(head.getFirst())) {
                Optional<String> slug = Names.slug(String.join(" ", head) + (head.size() == 1 ? " service" : ""));
                if (slug.isPresent()) {
                    return slug.get();
                }
            }
        }
        if (!spec.entities().isEmpty()) {
            String words = String.join(" ", Inflector.camelWords(spec.entities().getFirst().name()));
            return Names.slug(words + " service").orElse(texts.get("default.name"));
        }
        return texts.get("default.name");
    }

    /** A second suggestion next to {@code slug}: todo-service -> todo-api, shop-api -> shop-service. */
    static String variant(String slug) {
        if (slug.endsWith("-service")) {
            return slug.substring(0, slug.length() - "-service".length()) + "-api";
        }
        for (String end : List.of("-api", "-app")) {
            if (slug.endsWith(end)) {
                return slug.substring(0, slug.length() - end.length()) + "-service";
            }
        }
        return Names.slug(slug + "-api").orElse(slug);
    }

    /** The outcome of reading a name answer: the name, or the note that says why it was refused. */
    record Answer(Optional<String> name, String note) {
    }

    Answer read(String text, Spec spec) {
        String suggestion = suggest(spec);
        String t = Words.trimPunctuation(text);
        if (YES.contains(Words.lower(t))) {
            return new Answer(Optional.of(suggestion), null);
        }
        Matcher m = EXPLICIT.matcher(t);
        String candidate = m.find() ? m.group(1) : t;
        if (!isSafe(candidate)) {
            return refuse("note.unsafeName", text, suggestion);
        }
        if (candidate.trim().split("\\s+").length > 5) {
            return refuse("note.longName", text, suggestion);
        }
        return Names.slug(candidate).map(s -> new Answer(Optional.of(s), null))
                .orElseGet(() -> refuse("note.emptyName", text, suggestion));
    }

    /** Path separators and ".." are refused outright rather than silently dropped: the name becomes a path. */
    private static boolean isSafe(String name) {
        return !name.contains("/") && !name.contains("\\") && !name.contains("..");
    }

    private Answer refuse(String key, String text, String suggestion) {
        return new Answer(Optional.empty(), texts.get(key, Map.of("text", text.strip(), "suggestion", suggestion)));
    }
}
