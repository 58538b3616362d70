package dev.aiwizard.core.job;

import dev.aiwizard.core.spec.ProtectedPaths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks generated output before anything is stored or committed: safe relative paths, no git metadata, no
 * protected paths ({@link ProtectedPaths}: CI workflows, actions, CODEOWNERS, submodules) unless {@code allowedProtected} names them, size
 * limits, and nothing that looks like a credential or equals one of {@code knownSecrets} (the bot's own configured
 * secrets). Returns every problem found, so the person sees all reasons at once.
 */
public record ProjectLimits(int maxFiles, int maxFileBytes, long maxTotalBytes, Set<String> allowedProtected,
                            List<String> knownSecrets) {
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._-]+");
    /** The protected paths an admin may allow ({@link ProtectedPaths#ALLOWABLE}). */
    public static final List<String> PROTECTED = ProtectedPaths.ALLOWABLE;

    public ProjectLimits {
        if (maxFiles < 1 || maxFileBytes < 1 || maxTotalBytes < maxFileBytes) {
            throw new IllegalArgumentException("limits must be positive and the total at least one file");
        }
        allowedProtected = Set.copyOf(allowedProtected);
        for (String p : allowedProtected) {
            if (!PROTECTED.contains(p)) {
                throw new IllegalArgumentException("not a protected path: '" + p + "'; one of " + PROTECTED);
            }
        }
        knownSecrets = knownSecrets.stream().filter(k -> k.length() >= SecretScan.MIN_KNOWN_SECRET).toList();
    }

    /** Size limits with no protected path allowed and no known secrets. */
    public ProjectLimits(int maxFiles, int maxFileBytes, long maxTotalBytes) {
        this(maxFiles, maxFileBytes, maxTotalBytes, Set.of(), List.of());
    }

    /** Keeps the configured secrets out of logs and messages. */
    @Override
    public String toString() {
        return "ProjectLimits[maxFiles=" + maxFiles + ", maxFileBytes=" + maxFileBytes + ", maxTotalBytes="
                + maxTotalBytes + ", allowedProtected=" + allowedProtected + ", knownSecrets=" + knownSecrets.size()
                + " hidden]";
    }

    /** The problems with {@code files}; empty when they may be committed. */
    public List<String> problems(List<GeneratedFile> files) {
        List<String> out = new ArrayList<>();
        if (files.isEmpty()) {
            out.add("the generator produced no files");
        }
        if (files.size() > maxFiles) {
            out.add(files.size() + " files is more than the limit of " + maxFiles);
        }
        long total = 0;
        Set<String> seen = new HashSet<>();
        for (GeneratedFile f : files) {
            out.addAll(fileProblems(f));
            if (!seen.add(f.path().toLowerCase(Locale.ROOT))) {
                out.add(f.path() + ": the same path twice");
            }
            total += f.size();
        }
        if (total > maxTotalBytes) {
            out.add("all files together are " + total + " bytes, more than the limit of " + maxTotalBytes);
        }
        return out;
    }

    /** The problems of one file on its own: its path, a protected path, its size, secrets in it. */
    public List<String> fileProblems(GeneratedFile f) {
        List<String> out = new ArrayList<>();
        pathProblem(f.path()).or(() -> protectedProblem(f.path())).ifPresent(out::add);
        out.addAll(SecretScan.problems(f, knownSecrets));
        if (f.size() > maxFileBytes) {
            out.add(f.path() + ": " + f.size() + " bytes is more than the limit of " + maxFileBytes);
        }
        return out;
    }

    /**
     * Why {@code path} may not be written although it is safe, if it is protected and not allowed. A project's own
     * paths are judged as if at the repository's root (where an empty repository puts them); the publisher judges
     * the final path again.
     */
    public java.util.Optional<String> protectedProblem(String path) {
        return ProtectedPaths.fileProblem(path, allowedProtected);
    }

    /** Why {@code path} is not a safe relative path inside the project, if it is not. */
    public static java.util.Optional<String> pathProblem(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.contains("\0")) {
            return java.util.Optional.of(path + ": not a relative path with forward slashes");
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return java.util.Optional.of(path + ": empty, '.' or '..' path segment");
            }
            if (!SEGMENT.matcher(segment).matches()) {
                return java.util.Optional.of(path + ": unusual characters in '" + segment + "'");
            }
        }
        if (ProtectedPaths.isGitMetadata(path)) {
            return java.util.Optional.of(path + ": git metadata may not be written");
        }
        return java.util.Optional.empty();
    }
}
