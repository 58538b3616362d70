package dev.aiwizard.git;

import dev.aiwizard.core.job.GeneratedFile;
import dev.aiwizard.core.job.PublishException;
import dev.aiwizard.core.spec.ProtectedPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.eclipse.jgit.errors.CorruptObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectChecker;
import org.eclipse.jgit.lib.ObjectInserter;

/**
 * The files of one delivery, checked to be safe as paths in a git tree on every platform a reviewer may clone on.
 * The tree is written straight into the object database — no work tree — so neither the file system (case folding,
 * symlinks) nor anyone's git configuration (autocrlf, filters, hooks) can change what gets committed.
 */
final class ProjectFiles {
    private final SortedMap<String, byte[]> contents;

    private ProjectFiles(SortedMap<String, byte[]> contents) {
        this.contents = contents;
    }

    /** Checks every path; the first unsafe one is refused with the reason. */
    static ProjectFiles of(List<GeneratedFile> files) {
        if (files.isEmpty()) {
            throw new PublishException("there are no files to publish");
        }
        SortedMap<String, byte[]> contents = new TreeMap<>();
        Set<String> seen = new HashSet<>();
        Set<String> dirs = new HashSet<>();
        for (GeneratedFile f : files) {
            String why = problem(f.path());
            if (why != null) {
                throw new PublishException("refusing unsafe file path '" + shown(f.path()) + "': " + why);
            }
            // Case-insensitive, because such a pair breaks checkouts on macOS and Windows.
            if (!seen.add(f.path().toLowerCase(Locale.ROOT))) {
                throw new PublishException("the file '" + shown(f.path()) + "' appears twice");
            }
            addParents(f.path().toLowerCase(Locale.ROOT), dirs);
            contents.put(f.path(), f.content().getBytes(StandardCharsets.UTF_8));
        }
        for (String path : contents.keySet()) {
            if (dirs.contains(path.toLowerCase(Locale.ROOT))) {
                throw new PublishException("'" + shown(path) + "' is both a file and a folder");
            }
        }
        return new ProjectFiles(contents);
    }

    /** Why {@code path} is unsafe, or {@code null} when it is fine. */
    static String problem(String path) {
        if (path.isEmpty()) {
            return "it is empty";
        }
        if (path.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return "it contains a control character";
        }
        if (path.indexOf('\\') >= 0) {
            return "it contains a backslash; use forward slashes";
        }
        if (path.startsWith("/")) {
            return "it is absolute; paths must be relative to the project root";
        }
        if (path.matches(".*[\"*:<>?|].*")) {
            return "it contains one of \" * : < > ? |, which Windows does not allow in file names";
        }
        for (String segment : path.split("/", -1)) {
            String why = segmentProblem(segment);
            if (why != null) {
                return why;
            }
        }
        if (ProtectedPaths.isGitMetadata(path)) {
            return "it points into a .git folder";
        }
        try {
            // JGit's own check also catches the disguises of .git that Windows and macOS see through.
            new ObjectChecker().setSafeForWindows(true).setSafeForMacOS(true).checkPath(path);
        } catch (CorruptObjectException e) {
            return "it is not a safe git path (" + e.getMessage() + ")";
        }
        return null;
    }

    private static String segmentProblem(String segment) {
        if (segment.isEmpty()) {
            return "it has an empty folder name (a doubled or trailing slash)";
        }
        if (segment.equals(".") || segment.equals("..")) {
            return "it contains '" + segment + "'; paths must be normalized and stay inside the project";
        }
        return null;
    }

    private static void addParents(String path, Set<String> dirs) {
        for (int i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) {
            dirs.add(path.substring(0, i));
        }
    }

    /** Writes the blobs and returns the files as tree entries under {@code folder} ({@code ""}: the root). */
    SortedMap<String, Trees.Entry> insert(ObjectInserter inserter, String folder) throws IOException {
        SortedMap<String, Trees.Entry> entries = new TreeMap<>();
        String prefix = folder.isEmpty() ? "" : folder + "/";
        for (var file : contents.entrySet()) {
            entries.put(prefix + file.getKey(), new Trees.Entry(mode(file.getValue()),
                    inserter.insert(Constants.OBJ_BLOB, file.getValue())));
        }
        return entries;
    }

    /** A generated script ({@code #!} first) is meant to be run, e.g. {@code ./mvnw}, so it is committed executable. */
    private static FileMode mode(byte[] content) {
        return content.length > 1 && content[0] == '#' && content[1] == '!' ? FileMode.EXECUTABLE_FILE
                : FileMode.REGULAR_FILE;
    }

    /** A reason that names a path, fit for a message: control characters made visible, nothing cut off. */
    static String visible(String reason) {
        return reason.replaceAll("\\p{Cntrl}", "?");
    }

    /** {@code path} fit for a message: control characters made visible. */
    static String shown(String path) {
        String s = path.replaceAll("\\p{Cntrl}", "?");
        return s.length() > 120 ? s.substring(0, 120) + "..." : s;
    }
}
