package dev.aiwizard.web.view;

import dev.aiwizard.web.code.LineDiff;
import java.util.List;

/**
 * What changed between a job's files and the previous delivered revision of the same conversation
 * ({@code previousId} null: this is the first revision, and every file is new).
 */
public record DiffView(String jobId, String jobHref, String previousId, String previousHref, List<FileDiff> files,
                       int unchanged) {
    public DiffView {
        files = List.copyOf(files);
    }

    /** One file that was added, removed or changed, with its lines. */
    public record FileDiff(String path, String change, List<LineDiff.Line> lines) {
        public FileDiff {
            lines = List.copyOf(lines);
        }
    }
}
