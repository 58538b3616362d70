package dev.aiwizard.generator.interview;

import dev.aiwizard.generator.stack.StackCatalog;
import dev.aiwizard.generator.stack.StackOption;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads a stack or a persistence option from what people write: the id, the label, or a word for it. */
final class OptionReader {
    private static final Pattern MEMORY = Pattern.compile("\\b(?:in[- ]?memory|memory|ram|no database|nowhere)\\b",
            Pattern.CASE_INSENSITIVE);
    /** Stores people ask for that no template offers yet, so they hear it instead of being ignored. */
    private static final Pattern DATABASE = Pattern.compile("\\b(?:postgres(?:ql)?|mysql|mariadb|mongo(?:db)?|sqlite|redis"
            + "|oracle|sql server|dynamodb|cassandra|h2)\\b", Pattern.CASE_INSENSITIVE);
    private static final Set<String> FIRST = Set.of("yes", "ok", "okay", "sure", "fine", "first", "default", "the default");
    /**
     * Stack words that are ordinary words too ("an express delivery", "each node has a parent"): in prose they name
     * a stack only next to a cue, see {@link #CUE_BEFORE} and {@link #CUE_AFTER}. Other keywords count anywhere.
     */
    private static final Set<String> COMMON_WORDS = Set.of("node", "express");
    private static final String CUE_BEFORE = "\\b(?:in|on|using|use|via|switch to|move to|port it to|written in"
            + "|built (?:with|on|in))\\s+(?:an?\\s+|the\\s+)?";
    private static final String CUE_AFTER = "(?:\\.js)?\\s+(?:service|app|application|api|backend|server|stack|project"
            + "|microservice|rest|version)\\b";

    private final StackCatalog catalog;

    OptionReader(StackCatalog catalog) {
        this.catalog = catalog;
    }

    /** The stack {@code text} names, if any. */
    Optional<StackOption> stack(String text) {
        String t = Words.lower(Words.trimPunctuation(text));
        if (FIRST.contains(t)) {
            return Optional.of(catalog.defaultStack());
        }
        for (StackOption s : catalog.stacks()) {
            if (t.equals(Words.lower(s.label())) || Pattern.compile("\\b" + Pattern.quote(s.id()) + "\\b").matcher(t).find()) {
                return Optional.of(s);
            }
        }
        List<String> tokens = List.of(t.split("[^a-z0-9]+"));
        return catalog.stacks().stream().filter(s -> s.keywords().stream().anyMatch(tokens::contains)).findFirst();
    }

    /**
     * The stack an idea or passing remark names ("a node service for ...", "in express", "helidon"), if exactly one:
     * a remark naming two ("port the java app to node") is left to the question.
     */
    Optional<StackOption> stackInProse(String text) {
        String t = Words.lower(text);
        List<StackOption> named = catalog.stacks().stream().filter(s -> mentions(t, s)).toList();
        return named.size() == 1 ? Optional.of(named.getFirst()) : Optional.empty();
    }

    private static boolean mentions(String text, StackOption stack) {
        if (Pattern.compile("(?<![\\w-])" + Pattern.quote(stack.id()) + "(?![\\w-])").matcher(text).find()) {
            return true;
        }
        for (String keyword : stack.keywords()) {
            // Not inside a longer name: "vue.js" is no "js", "node-api" no "node".
            String word = "(?<![\\w.-])" + Pattern.quote(keyword) + "(?![\\w-])";
            if (!Pattern.compile(word).matcher(text).find()) {
                continue;
            }
            if (!COMMON_WORDS.contains(keyword) || Pattern.compile(word + "\\.?js\\b").matcher(text).find()
                    || Pattern.compile(CUE_BEFORE + word).matcher(text).find()
                    || Pattern.compile(word + CUE_AFTER).matcher(text).find()) {
                return true;
            }
        }
        return false;
    }

    /** The persistence option {@code text} names among {@code options}, if any. */
    Optional<String> persistence(String text, List<String> options) {
        String t = Words.lower(Words.trimPunctuation(text));
        if (FIRST.contains(t)) {
            return Optional.of(options.getFirst());
        }
        for (String o : options) {
            if (t.contains(o)) {
                return Optional.of(o);
            }
        }
        if (MEMORY.matcher(t).find() && options.contains(StackCatalog.IN_MEMORY)) {
            return Optional.of(StackCatalog.IN_MEMORY);
        }
        return Optional.empty();
    }

    /** The data store named in {@code text} that is not on offer ("postgres"), if any. */
    Optional<String> unavailableStore(String text, List<String> options) {
        var m = DATABASE.matcher(text);
        return m.find() && persistence(text, options).isEmpty() ? Optional.of(m.group()) : Optional.empty();
    }
}
