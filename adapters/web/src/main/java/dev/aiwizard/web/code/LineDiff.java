package dev.aiwizard.web.code;

import java.util.ArrayList;
import java.util.List;

/**
 * The difference between two versions of a text, line by line: the longest common subsequence of their lines, the
 * rest removed from the old or added in the new. The lines both versions start and end with are matched first, so
 * the table the LCS needs covers only what changed; when even that would pass {@value #MAX_CELLS} cells, the changed
 * middle is shown as removed, then added, rather than spending seconds and memory on one page.
 */
public final class LineDiff {
    static final long MAX_CELLS = 4_000_000;

    /** One line of the diff: its numbers in the old and new text (0: not there) and its text. */
    public record Line(Change change, int oldNumber, int newNumber, String text) {
        /** The style sheet's class of the line. */
        public String css() {
            return "d-" + change.name().toLowerCase(java.util.Locale.ROOT);
        }

        /** The sign a diff shows before the line. */
        public String sign() {
            return switch (change) {
                case SAME -> " ";
                case ADDED -> "+";
                case REMOVED -> "-";
            };
        }
    }

    /** Whether a line is in both versions, only the new one or only the old one. */
    public enum Change { SAME, ADDED, REMOVED }

    private LineDiff() {
    }

    /** The diff of {@code before} and {@code after} (either may be empty: a file added or removed). */
    public static List<Line> of(String before, String after) {
        List<String> a = before.isEmpty() ? List.of() : before.lines().toList();
        List<String> b = after.isEmpty() ? List.of() : after.lines().toList();
        int start = 0;
        while (start < a.size() && start < b.size() && a.get(start).equals(b.get(start))) {
            start++;
        }
        int endA = a.size();
        int endB = b.size();
        while (endA > start && endB > start && a.get(endA - 1).equals(b.get(endB - 1))) {
            endA--;
            endB--;
        }
        List<Line> out = new ArrayList<>();
        for (int i = 0; i < start; i++) {
            out.add(new Line(Change.SAME, i + 1, i + 1, a.get(i)));
        }
        middle(a.subList(start, endA), b.subList(start, endB), start, out);
        for (int i = endA, j = endB; i < a.size(); i++, j++) {
            out.add(new Line(Change.SAME, i + 1, j + 1, a.get(i)));
        }
        return out;
    }

    /** Whether the texts differ at all. */
    public static boolean changed(List<Line> diff) {
        return diff.stream().anyMatch(l -> l.change() != Change.SAME);
    }

    private static void middle(List<String> a, List<String> b, int offset, List<Line> out) {
        int n = a.size();
        int m = b.size();
        if ((long) n * m > MAX_CELLS) {
            for (int i = 0; i < n; i++) {
                out.add(new Line(Change.REMOVED, offset + i + 1, 0, a.get(i)));
            }
            for (int j = 0; j < m; j++) {
                out.add(new Line(Change.ADDED, 0, offset + j + 1, b.get(j)));
            }
            return;
        }
        // common[i][j]: the length of the LCS of a[i..] and b[j..].
        int[][] common = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                common[i][j] = a.get(i).equals(b.get(j)) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(i).equals(b.get(j))) {
                out.add(new Line(Change.SAME, offset + i + 1, offset + j + 1, a.get(i)));
                i++;
                j++;
            } else if (i < n && (j == m || common[i + 1][j] >= common[i][j + 1])) {
                out.add(new Line(Change.REMOVED, offset + i + 1, 0, a.get(i)));
                i++;
            } else {
                out.add(new Line(Change.ADDED, 0, offset + j + 1, b.get(j)));
                j++;
            }
        }
    }
}
