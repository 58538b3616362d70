package dev.aiwizard.web.view;

import dev.aiwizard.web.code.Highlighter.Token;
import java.util.List;

/**
 * A job's files: the tree on one side (folders as nested lists, in path order) and the chosen file's lines, already
 * cut into highlighted tokens, on the other ({@code path} null: none chosen).
 */
public record FilesView(String jobId, String jobHref, List<Entry> tree, String path, List<List<Token>> lines,
                        String archiveHref) {
    public FilesView {
        tree = List.copyOf(tree);
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /**
     * One row of the tree: a folder or a file, {@code depth} folders deep; a file has its address and whether it is
     * the one shown.
     */
    public record Entry(String name, int depth, boolean folder, String href, boolean current) {
    }
}
