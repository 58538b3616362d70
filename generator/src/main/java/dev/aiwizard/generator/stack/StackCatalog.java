package dev.aiwizard.generator.stack;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The stacks on offer, the first being the default. */
public final class StackCatalog {
    /** The Java 21 Maven REST service on Helidon SE that {@code OfflineCodeGenerator} builds. */
    public static final String JAVA_REST = "java-rest";
    /** The Node.js 20+ REST service on Express 5 that {@code OfflineCodeGenerator} builds. */
    public static final String NODE_EXPRESS = "node-express";
    /** Data kept in thread-safe maps inside the process, lost on restart. */
    public static final String IN_MEMORY = "in-memory";

    private final List<StackOption> stacks;

    public StackCatalog(List<StackOption> stacks) {
        this.stacks = List.copyOf(requireNonNull(stacks, "stacks"));
        if (this.stacks.isEmpty()) {
            throw new IllegalArgumentException("a catalog needs at least one stack");
        }
    }

    /**
     * The stacks the offline generator supports today, java-rest first as the default. Both are REST services, so
     * "rest" names neither; keywords are the words that tell them apart.
     */
    public static StackCatalog builtIn() {
        return new StackCatalog(List.of(
                new StackOption(JAVA_REST, "java-rest (Java 21 REST service: Helidon SE, Jackson, Maven)",
                        List.of("java", "helidon", "maven", "jdk", "jvm"), List.of(IN_MEMORY), "mvn -B test"),
                new StackOption(NODE_EXPRESS, "node-express (Node.js + Express: Node 20+, Express 5, npm)",
                        List.of("node", "nodejs", "express", "expressjs", "javascript", "js", "npm"), List.of(IN_MEMORY),
                        "npm install && npm test")));
    }

    public List<StackOption> stacks() {
        return stacks;
    }

    /** The stack chosen when nobody says otherwise. */
    public StackOption defaultStack() {
        return stacks.getFirst();
    }

    public Optional<StackOption> find(String id) {
        return stacks.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /**
     * The persistence options open for {@code stackId}; with no (or an unknown) stack chosen yet, those of every
     * stack, so a slot with a single possible answer is recognised early.
     */
    public List<String> persistenceOptions(String stackId) {
        Optional<StackOption> chosen = stackId == null ? Optional.empty() : find(stackId);
        if (chosen.isPresent()) {
            return chosen.get().persistence();
        }
        Set<String> all = new LinkedHashSet<>();
        stacks.forEach(s -> all.addAll(s.persistence()));
        return List.copyOf(all);
    }
}
