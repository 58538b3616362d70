package dev.aiwizard.generator.interview;

import dev.aiwizard.core.spec.Operation;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads which operations clients get: "all", "read-only", "no delete", "create, read and list". */
final class OperationsReader {
    private static final Pattern READ_ONLY = Pattern.compile("\\bread[- ]?only\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern NEGATED = Pattern.compile("\\b(?:no|without|except|but not|not)\\s+(?:the\\s+)?(create|creating"
            + "|update|updating|edit|editing|delete|deleting|deletion|remove|removing)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern CRUD = Pattern.compile("\\bcrud\\b", Pattern.CASE_INSENSITIVE);
    private static final Set<String> NEGATIONS = Set.of("no", "not", "without", "except", "but", "minus", "excluding",
            "can't", "cannot", "cant", "don't", "dont", "never", "nor");
    private static final Set<String> FILLER = Set.of("and", "or", "the", "a", "an", "of", "them", "it", "only", "just",
            "operations", "operation", "endpoints", "endpoint", "please", "clients", "users", "can", "should", "be",
            "able", "to", "i", "we", "want", "would", "like", "allow", "let", "for", "with", "options", "also", "too",
            "things", "records", "items", "one", "ones", "by", "id", "then");
    private static final Set<String> ALL = Set.of("all", "everything", "crud", "full", "every", "any");
    private static final Map<String, Operation> WORDS = Map.ofEntries(
            Map.entry("create", Operation.CREATE), Map.entry("creating", Operation.CREATE), Map.entry("add", Operation.CREATE),
            Map.entry("adding", Operation.CREATE), Map.entry("post", Operation.CREATE), Map.entry("insert", Operation.CREATE),
            Map.entry("read", Operation.READ), Map.entry("reading", Operation.READ), Map.entry("get", Operation.READ),
            Map.entry("view", Operation.READ), Map.entry("show", Operation.READ), Map.entry("fetch", Operation.READ),
            Map.entry("retrieve", Operation.READ), Map.entry("list", Operation.LIST), Map.entry("listing", Operation.LIST),
            Map.entry("browse", Operation.LIST), Map.entry("search", Operation.LIST), Map.entry("update", Operation.UPDATE),
            Map.entry("updating", Operation.UPDATE), Map.entry("edit", Operation.UPDATE), Map.entry("editing", Operation.UPDATE),
            Map.entry("modify", Operation.UPDATE), Map.entry("change", Operation.UPDATE), Map.entry("put", Operation.UPDATE),
            Map.entry("delete", Operation.DELETE), Map.entry("deleting", Operation.DELETE), Map.entry("remove", Operation.DELETE),
            Map.entry("removing", Operation.DELETE), Map.entry("destroy", Operation.DELETE), Map.entry("deletion", Operation.DELETE));

    private OperationsReader() {
    }

    /** The operations {@code text} asks for, or empty when it names none. */
    static Optional<Set<Operation>> read(String text) {
        if (READ_ONLY.matcher(text).find()) {
            return Optional.of(EnumSet.of(Operation.READ, Operation.LIST));
        }
        List<String> tokens = java.util.Arrays.stream(Words.lower(text).split("[^a-z']+")).filter(t -> !t.isEmpty()).toList();
        if (tokens.isEmpty()) {
            return Optional.empty();
        }
        int negation = -1;
        for (int i = 0; i < tokens.size() && negation < 0; i++) {
            if (NEGATIONS.contains(tokens.get(i))) {
                negation = i;
            }
        }
        if (tokens.stream().filter(t -> !WORDS.containsKey(t) && !ALL.contains(t) && !NEGATIONS.contains(t) && !FILLER.contains(t))
                .count() > 2) {
            // Too many other words: a sentence about something else ("add a due date to task"), not operations.
            return Optional.empty();
        }
        Set<Operation> named = operations(negation < 0 ? tokens : tokens.subList(0, negation));
        boolean all = tokens.subList(0, negation < 0 ? tokens.size() : negation).stream().anyMatch(ALL::contains);
        if (negation >= 0) {
            Set<Operation> excluded = operations(tokens.subList(negation, tokens.size()));
            if (!excluded.isEmpty()) {
                Set<Operation> included = named.isEmpty() || all ? EnumSet.allOf(Operation.class) : named;
                included.removeAll(excluded);
                return included.isEmpty() ? Optional.empty() : Optional.of(included);
            }
        }
        if (!named.isEmpty()) {
            // "all (create, read, ...)" and "everything" mean all five; "list all" means listing.
            return Optional.of(ALL.contains(tokens.getFirst()) ? EnumSet.allOf(Operation.class) : named);
        }
        return all ? Optional.of(EnumSet.allOf(Operation.class)) : Optional.empty();
    }

    /**
     * Operations stated in passing in an idea or another answer: only clear phrases count ("read-only", "CRUD",
     * "no delete"), since prose is full of words like "list" and "add".
     */
    static Optional<Set<Operation>> inProse(String text) {
        if (READ_ONLY.matcher(text).find()) {
            return Optional.of(EnumSet.of(Operation.READ, Operation.LIST));
        }
        Matcher negated = NEGATED.matcher(text);
        if (negated.find()) {
            // Everything except what follows the negation, up to the end of its phrase: "but not update or delete".
            String phrase = text.substring(negated.start()).split("[.;,]")[0];
            Set<Operation> excluded = operations(List.of(Words.lower(phrase).split("[^a-z']+")));
            Set<Operation> rest = EnumSet.complementOf(EnumSet.copyOf(excluded));
            return rest.isEmpty() ? Optional.empty() : Optional.of(rest);
        }
        return CRUD.matcher(text).find() ? Optional.of(EnumSet.allOf(Operation.class)) : Optional.empty();
    }

    private static Set<Operation> operations(List<String> tokens) {
        Set<Operation> ops = EnumSet.noneOf(Operation.class);
        tokens.stream().map(WORDS::get).filter(java.util.Objects::nonNull).forEach(ops::add);
        return ops;
    }
}
