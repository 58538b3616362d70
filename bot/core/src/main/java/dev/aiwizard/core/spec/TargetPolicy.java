package dev.aiwizard.core.spec;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Which targets a conversation may deliver to: {@code local}, the configured default, and the {@code allowed} ones —
 * exact targets, or prefixes ending in {@code *} ({@code acme/*}); {@code *} alone allows any. Checked when a spec is
 * approved (so nobody waits for a generation that cannot be delivered) and again by the publisher.
 */
public record TargetPolicy(String defaultTarget, List<String> allowed) {
    /** The target meaning "a bare repository of the bot's own". */
    public static final String LOCAL = "local";

    public TargetPolicy {
        requireNonNull(defaultTarget, "defaultTarget");
        defaultTarget = defaultTarget.strip();
        allowed = allowed == null ? List.of() : allowed.stream().map(String::strip).filter(t -> !t.isEmpty()).toList();
    }

    /** Only the bot's own repositories. */
    public static TargetPolicy localOnly() {
        return new TargetPolicy(LOCAL, List.of());
    }

    /** Whether a spec may name {@code target}. */
    public boolean allows(String target) {
        String t = target.strip();
        if (t.equalsIgnoreCase(LOCAL) || t.equals(defaultTarget)) {
            return true;
        }
        for (String a : allowed) {
            if (a.equals(t) || a.endsWith("*") && t.startsWith(a.substring(0, a.length() - 1))) {
                return true;
            }
        }
        return false;
    }
}
