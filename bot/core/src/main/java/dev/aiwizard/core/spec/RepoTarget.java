package dev.aiwizard.core.spec;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A repository on GitHub named {@code owner/name}, checked once here the way GitHub names them: an owner of up to 39
 * letters, digits and hyphens (not starting with a hyphen), a name of up to 100 letters, digits, {@code .}, {@code _}
 * and {@code -} that is not {@code .} or {@code ..}. Every reader of a target (the idea's {@code repo=}, the offline
 * and model interviewers, the publisher) asks {@link #parse(String)}, so they agree on what is a GitHub repository.
 */
public record RepoTarget(String owner, String name) {
    private static final Pattern OWNER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,38}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    private static final String GIT_SUFFIX = ".git";

    public RepoTarget {
        requireNonNull(owner, "owner");
        requireNonNull(name, "name");
        if (!valid(owner, name)) {
            throw new IllegalArgumentException("not a GitHub repository: " + owner + "/" + name);
        }
    }

    /** {@code text} as {@code owner/name}, if it is one (nothing around it, no URL). */
    public static Optional<RepoTarget> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int slash = text.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        String owner = text.substring(0, slash);
        String name = text.substring(slash + 1);
        return valid(owner, name) ? Optional.of(new RepoTarget(owner, name)) : Optional.empty();
    }

    private static boolean valid(String owner, String name) {
        return OWNER.matcher(owner).matches() && NAME.matcher(name).matches() && !name.equals(".")
                && !name.equals("..");
    }

    /** The same repository without a {@code .git} a person may have added to its name ({@code acme/todo.git}). */
    public RepoTarget withoutGitSuffix() {
        String bare = name.endsWith(GIT_SUFFIX) ? name.substring(0, name.length() - GIT_SUFFIX.length()) : name;
        return parse(owner + "/" + bare).orElse(this);
    }

    /** {@code owner/name}, as GitHub's API and people write it. */
    @Override
    public String toString() {
        return owner + "/" + name;
    }
}
