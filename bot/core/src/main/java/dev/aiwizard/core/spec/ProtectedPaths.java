package dev.aiwizard.core.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The one rule for where the bot never writes: git's own metadata ({@code .git}, {@code .gitmodules},
 * {@code .gitattributes}) and what makes a repository run or review code by itself — GitHub's workflows and actions,
 * and CODEOWNERS files. A whole project never goes into {@code .github} (a {@code path=} there is refused); single
 * files such as {@code .github/dependabot.yml} or issue templates are ordinary. Paths are judged as they end up in the
 * repository, after normalisation: backslashes, a leading {@code /} or {@code ./}, {@code a/../} detours, case and
 * trailing dots or spaces (which Windows drops) cannot disguise a protected path. Used for the {@code path=} folder
 * when a conversation starts and before a job is queued, for every generated file, and for the final path of every
 * file before the publisher commits it.
 */
public final class ProtectedPaths {
    /**
     * The protected locations an admin may allow after all (WIZARD_ALLOW_PROTECTED_PATHS), lower case; a trailing
     * {@code /} means everything below. Git metadata and the rest of {@code .github} can never be allowed.
     */
    public static final List<String> ALLOWABLE = List.of(".github/workflows/", ".github/actions/", "codeowners",
            ".github/codeowners", "docs/codeowners", ".gitmodules", ".gitattributes");
    /** Characters macOS ignores in file names, so {@code .g\u200Cit} would be {@code .git} there. */
    private static final String IGNORABLE = "[\\u200C-\\u200F\\u202A-\\u202E\\u206A-\\u206F\\uFEFF]";

    private ProtectedPaths() {
    }

    /**
     * {@code raw} as a path relative to the repository root: forward slashes, no leading {@code /} or {@code ./}, no
     * {@code .} or empty segments, {@code ..} resolved; {@code ""} is the root. Empty when it leaves the repository.
     */
    public static Optional<String> normalise(String raw) {
        List<String> kept = new ArrayList<>();
        for (String segment : raw.replace('\\', '/').split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (kept.isEmpty()) {
                    return Optional.empty();
                }
                kept.removeLast();
            } else {
                kept.add(segment);
            }
        }
        return Optional.of(String.join("/", kept));
    }

    /**
     * Why the project may not be placed in {@code folder} (as written in {@code path=}, or the folder the publisher
     * chose): it leaves the repository, or it is, or lies inside, a protected location. No setting allows that: a
     * whole project inside {@code .github} is never what anybody wants.
     */
    public static Optional<String> folderProblem(String folder) {
        Optional<String> normal = normalise(folder);
        if (normal.isEmpty()) {
            return Optional.of("`" + folder + "` points outside the repository");
        }
        return protectedLocation(normal.get(), true).map(where -> "`" + folder + "` is " + where
                + ", a protected location the bot never writes to");
    }

    /**
     * Why {@code path} (a file's path in the repository, or in the project) may not be written, if it is protected
     * and not one of {@code allowed} (entries of {@link #ALLOWABLE}).
     */
    public static Optional<String> fileProblem(String path, Set<String> allowed) {
        Optional<String> normal = normalise(path);
        if (normal.isEmpty()) {
            return Optional.of(path + ": points outside the repository");
        }
        Optional<String> where = protectedLocation(normal.get(), false);
        if (where.isEmpty()) {
            return where;
        }
        Optional<String> entry = allowableEntry(comparable(normal.get()));
        if (entry.isPresent() && allowed.contains(entry.get())) {
            return Optional.empty();
        }
        return Optional.of(path + ": " + where.get() + ", a protected path; the bot does not write there"
                + entry.map(e -> " unless an admin allows " + e + " with WIZARD_ALLOW_PROTECTED_PATHS").orElse(""));
    }

    /** Whether {@code path} points into git's metadata ({@code .git}, or its Windows short name {@code git~1}). */
    public static boolean isGitMetadata(String path) {
        return isGitKey(comparable(path.replace('\\', '/')));
    }

    /** The entry of {@link #ALLOWABLE} that covers {@code key}, if one does (never for git metadata). */
    private static Optional<String> allowableEntry(String key) {
        if (isGitKey(key)) {
            return Optional.empty();
        }
        return ALLOWABLE.stream().filter(a -> a.endsWith("/") ? key.startsWith(a) : key.equals(a)).findFirst();
    }

    /** What protected location {@code normal} is in, if any; {@code folder}: it is a folder that will hold files. */
    private static Optional<String> protectedLocation(String normal, boolean folder) {
        String key = comparable(normal);
        if (isGitKey(key)) {
            return Optional.of("git metadata (.git)");
        }
        String[] segments = key.split("/");
        if (folder && segments[0].equals(".github")) {
            return Optional.of("inside .github (GitHub reads workflows, actions, CODEOWNERS and settings there)");
        }
        if (key.startsWith(".github/workflows/") || key.startsWith(".github/actions/")) {
            return Optional.of("inside " + String.join("/", segments[0], segments[1])
                    + " (GitHub runs what is there)");
        }
        if (key.equals(".github/codeowners")) {
            return Optional.of("a CODEOWNERS file (it decides who must review)");
        }
        for (String s : segments) {
            if (s.equals(".gitmodules") || s.equals(".gitattributes")) {
                return Optional.of("a git control file (" + s + ")");
            }
        }
        if (key.equals("codeowners") || key.equals("docs/codeowners") || folder && (key.startsWith("codeowners/")
                || key.startsWith("docs/codeowners/"))) {
            return Optional.of("a CODEOWNERS file (it decides who must review)");
        }
        return Optional.empty();
    }

    private static boolean isGitKey(String key) {
        for (String s : key.split("/")) {
            if (s.equals(".git") || s.startsWith("git~")) {
                return true;
            }
        }
        return false;
    }

    /** Lower case, without characters macOS ignores, each segment without the trailing dots and spaces Windows drops. */
    private static String comparable(String normal) {
        List<String> out = new ArrayList<>();
        for (String s : normal.replaceAll(IGNORABLE, "").toLowerCase(Locale.ROOT).split("/")) {
            String trimmed = s.replaceAll("[. ]+$", "");
            out.add(trimmed.isEmpty() ? s : trimmed);
        }
        return String.join("/", out);
    }
}
