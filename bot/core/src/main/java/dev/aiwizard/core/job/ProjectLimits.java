package dev.aiwizard.core.job;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks generated output before anything is stored or committed: safe relative paths and size limits. Returns
 * every problem found, so the person sees all reasons at once.
 */
public record ProjectLimits(int maxFiles, int maxFileBytes, long maxTotalBytes) {
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._-]+");

    public ProjectLimits {
        if (maxFiles < 1 || maxFileBytes < 1 || maxTotalBytes < maxFileBytes) {
            throw new IllegalArgumentException("limits must be positive and the total at least one file");
        }
    }

    /** 200 files, 256 KB per file, 5 MB in all. */
    public static ProjectLimits defaults() {
        return new ProjectLimits(200, 256 * 1024, 5L * 1024 * 1024);
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
            pathProblem(f.path()).ifPresent(out::add);
            if (!seen.add(f.path().toLowerCase(Locale.ROOT))) {
                out.add(f.path() + ": the same path twice");
            }
            if (f.size() > maxFileBytes) {
                out.add(f.path() + ": " + f.size() + " bytes is more than the limit of " + maxFileBytes);
            }
            total += f.size();
        }
        if (total > maxTotalBytes) {
            out.add("all files together are " + total + " bytes, more than the limit of " + maxTotalBytes);
        }
        return out;
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
            String bare = segment.toLowerCase(Locale.ROOT).replaceAll("[. ]+$", "");
            if (bare.equals(".git") || bare.startsWith("git~")) {
                return java.util.Optional.of(path + ": git metadata may not be written");
            }
        }
        return java.util.Optional.empty();
    }
}
