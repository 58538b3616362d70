package dev.aiwizard.generator.offline;

import dev.aiwizard.core.job.GeneratedFile;
import dev.aiwizard.core.job.GenerationException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks generated files before anyone writes them: safe relative paths, no git internals or CI workflows, sane
 * sizes, and nothing that looks like a secret (people paste tokens into chat, and the idea ends up in the README).
 */
final class OutputValidator {
    static final int MAX_FILES = 500;
    static final int MAX_FILE_BYTES = 512 * 1024;
    static final int MAX_TOTAL_BYTES = 8 * 1024 * 1024;
    private static final Pattern SAFE_SEGMENT = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Map<String, Pattern> SECRETS = Map.of(
            "a GitHub token", Pattern.compile("\\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,})"),
            "a Slack token", Pattern.compile("\\bxox[abposr]-[A-Za-z0-9-]{10,}"),
            "an AWS access key", Pattern.compile("\\bAKIA[0-9A-Z]{16}\\b"),
            "a private key", Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----"),
            "an API key", Pattern.compile("\\bsk-(?:ant-|proj-)?[A-Za-z0-9_-]{32,}"));

    private OutputValidator() {
    }

    /** Throws a {@link GenerationException} naming the first problem found. */
    static void check(List<GeneratedFile> files) {
        if (files.isEmpty() || files.size() > MAX_FILES) {
            throw new GenerationException("The generator produced " + files.size() + " files; expected 1 to " + MAX_FILES + ".");
        }
        Set<String> seen = new HashSet<>();
        long total = 0;
        for (GeneratedFile f : files) {
            checkPath(f.path());
            if (!seen.add(f.path().toLowerCase(Locale.ROOT))) {
                throw new GenerationException("The generator produced " + f.path() + " twice.");
            }
            if (f.size() > MAX_FILE_BYTES) {
                throw new GenerationException(f.path() + " is " + f.size() + " bytes; the limit is " + MAX_FILE_BYTES + ".");
            }
            total += f.size();
            checkSecrets(f);
        }
        if (total > MAX_TOTAL_BYTES) {
            throw new GenerationException("The project is " + total + " bytes; the limit is " + MAX_TOTAL_BYTES + ".");
        }
    }

    /** A relative, normalized path with plain segments: nothing that could leave the project or touch .git. */
    static void checkPath(String path) {
        String problem = null;
        if (path.isEmpty() || path.startsWith("/") || path.endsWith("/")) {
            problem = "must be a relative file path";
        } else {
            for (String segment : path.split("/", -1)) {
                if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                    problem = "must be normalized (no empty, '.' or '..' parts)";
                } else if (!SAFE_SEGMENT.matcher(segment).matches()) {
                    problem = "may only use letters, digits, '.', '_' and '-'";
                } else if (segment.equalsIgnoreCase(".git")) {
                    problem = "must not touch .git";
                }
                if (problem != null) {
                    break;
                }
            }
            if (problem == null && path.toLowerCase(Locale.ROOT).startsWith(".github/workflows/")) {
                problem = "must not add CI workflows";
            }
        }
        if (problem != null) {
            throw new GenerationException("Unsafe file path '" + path + "': it " + problem + ".");
        }
    }

    private static void checkSecrets(GeneratedFile f) {
        for (var secret : SECRETS.entrySet()) {
            Matcher m = secret.getValue().matcher(f.content());
            if (m.find()) {
                throw new GenerationException(f.path() + " would contain what looks like " + secret.getKey()
                        + "; remove it from the idea or spec and generate again.");
            }
        }
    }
}
