package dev.aiwizard.core.spec;

import java.util.regex.Pattern;

/**
 * Where in the target repository a project goes, as the person asked ({@code branch=} and {@code path=} in the
 * idea). {@code baseBranch} is the branch the work starts from and the pull request goes into ({@code null}: the
 * repository's default branch); {@code folder} is the project's folder in a repository that already has content
 * ({@code null}: one named after the project). Both are checked here so nothing unsafe reaches a git command.
 */
public record Placement(String baseBranch, String folder) {
    /** The repository's default branch, and the project's own folder. */
    public static final Placement DEFAULT = new Placement(null, null);

    /** A branch name git accepts, without the tricks ({@code ..}, {@code @{}, leading {@code -}) that confuse tools. */
    public static final Pattern BRANCH = Pattern.compile("(?!-)(?!.*\\.\\.)(?!.*@\\{)(?!.*//)(?!.*\\.lock(?:/|$))"
            + "[A-Za-z0-9._/-]{1,100}(?<![./])");
    /** A relative folder: plain segments, no dot-segments, no {@code .git}. */
    public static final Pattern FOLDER = Pattern.compile("(?!/)(?!.*//)(?!(?:.*/)?\\.{1,2}(?:/|$))"
            + "(?!(?:.*/)?\\.git(?:/|$))[A-Za-z0-9._/-]{1,100}");

    public Placement {
        if (baseBranch != null && !BRANCH.matcher(baseBranch).matches()) {
            throw new IllegalArgumentException("not a branch name: " + baseBranch);
        }
        if (folder != null) {
            folder = folder.endsWith("/") ? folder.substring(0, folder.length() - 1) : folder;
            if (!FOLDER.matcher(folder).matches()) {
                throw new IllegalArgumentException("not a relative folder: " + folder);
            }
        }
    }

    /** Whether the person asked for nothing special. */
    public boolean isDefault() {
        return baseBranch == null && folder == null;
    }
}
