package dev.aiwizard.git;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.spec.ProtectedPaths;
import dev.aiwizard.core.spec.TargetPolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Where and as whom the publisher delivers: {@code reposDir} holds the bare repositories of the {@code local} target,
 * {@code defaultTarget} is used when a spec names none ({@code local} or a git remote), the author is the bot's
 * identity on every commit, and {@code workDir} holds the short-lived scratch repositories of each delivery.
 * {@code allowedTargets} are the other targets a spec may name: exact targets, or prefixes ending in {@code *}
 * ({@code https://github.com/acme/*}); {@code *} alone allows any. {@code local} and the default are always allowed.
 * {@code allowedProtected} are the protected locations an admin lets projects write after all (entries of
 * {@link ProtectedPaths#ALLOWABLE}, WIZARD_ALLOW_PROTECTED_PATHS).
 */
public record GitSettings(Path reposDir, String defaultTarget, String authorName, String authorEmail, Path workDir,
                          List<String> allowedTargets, Set<String> allowedProtected) {
    /** The target that means "a bare repository of our own under {@code reposDir}". */
    public static final String LOCAL = "local";

    public GitSettings {
        requireNonNull(reposDir, "reposDir");
        requireNonNull(defaultTarget, "defaultTarget");
        requireNonNull(authorName, "authorName");
        requireNonNull(authorEmail, "authorEmail");
        requireNonNull(workDir, "workDir");
        allowedTargets = allowedTargets == null ? List.of()
                : allowedTargets.stream().map(String::strip).filter(t -> !t.isEmpty()).toList();
        allowedProtected = allowedProtected == null ? Set.of() : Set.copyOf(allowedProtected);
        for (String p : allowedProtected) {
            if (!ProtectedPaths.ALLOWABLE.contains(p)) {
                throw new IllegalArgumentException("not a protected path an admin may allow: '" + p + "'");
            }
        }
        defaultTarget = defaultTarget.strip();
        if (defaultTarget.isEmpty()) {
            throw new IllegalArgumentException("defaultTarget must not be blank; use \"" + LOCAL + "\" or a git remote");
        }
        // A name or address with <, > or a line break would corrupt the commit header.
        if (authorName.isBlank() || authorName.matches(".*[<>\\p{Cntrl}].*")) {
            throw new IllegalArgumentException("authorName must be a plain non-blank name: " + authorName);
        }
        if (!authorEmail.matches("[^<>\\s\\p{Cntrl}]+")) {
            throw new IllegalArgumentException("authorEmail must be an address without spaces or <>: " + authorEmail);
        }
    }

    /** Settings that allow only {@code local} and the default target, and no protected location. */
    public GitSettings(Path reposDir, String defaultTarget, String authorName, String authorEmail, Path workDir) {
        this(reposDir, defaultTarget, authorName, authorEmail, workDir, List.of());
    }

    /** Settings that allow {@code allowedTargets} and no protected location. */
    public GitSettings(Path reposDir, String defaultTarget, String authorName, String authorEmail, Path workDir,
                       List<String> allowedTargets) {
        this(reposDir, defaultTarget, authorName, authorEmail, workDir, allowedTargets, Set.of());
    }

    /** The same settings with {@code targets} allowed besides {@code local} and the default. */
    public GitSettings withAllowedTargets(List<String> targets) {
        return new GitSettings(reposDir, defaultTarget, authorName, authorEmail, workDir, targets, allowedProtected);
    }

    /** The same settings with the protected locations {@code allowed} (WIZARD_ALLOW_PROTECTED_PATHS). */
    public GitSettings withAllowedProtected(Set<String> allowed) {
        return new GitSettings(reposDir, defaultTarget, authorName, authorEmail, workDir, allowedTargets, allowed);
    }

    /** Whether a spec may name {@code target}. */
    public boolean allows(String target) {
        return new TargetPolicy(defaultTarget, allowedTargets).allows(target);
    }}
