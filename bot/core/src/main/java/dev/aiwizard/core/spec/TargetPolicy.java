package dev.aiwizard.core.spec;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Which targets a conversation may deliver to: {@code local}, the configured default, and the {@code allowed} ones —
 * exact targets, or prefixes ending in {@code *} ({@code acme/*}); {@code *} alone allows any. Checked when a spec is
 * approved (so nobody waits for a generation that cannot be delivered) and again by the publisher.
 */
public record TargetPolicy(String defaultTarget, List<String> allowed) {
    /** The target meaning "a bare repository of the bot's own". */
    public static final String LOCAL = "local";
    /** {@code owner/repo} on GitHub, or a git remote URL. */
    private static final Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}"
            + "|(?:https://|ssh://|git@)\\S+");

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

    /** Whether {@code target} names a repository: {@code owner/repo} on GitHub, or a git remote URL. */
    public static boolean isRepository(String target) {
        return REPOSITORY.matcher(target).matches() && !target.endsWith("/..") && !target.endsWith("/.");
    }
}
