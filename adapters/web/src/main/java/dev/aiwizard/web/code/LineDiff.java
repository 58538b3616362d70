package dev.aiwizard.web.code;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.List;

/**
 * The difference between two versions of a text, line by line: java-diff-utils' Myers diff of their lines, each change
 * shown as its old lines removed, then its new lines added. The lines both versions start and end with are matched
 * first, so the diff works only on what changed; when that middle is larger than {@value #MAX_CELLS} cells (old lines
 * times new), it is shown as removed, then added, rather than spending seconds and memory on one page.
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
            removedThenAdded(a, 0, n, b, 0, m, offset, out);
            return;
        }
        int i = 0;
        int j = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(a, b).getDeltas()) {
            for (; i < delta.getSource().getPosition(); i++, j++) {
                out.add(new Line(Change.SAME, offset + i + 1, offset + j + 1, a.get(i)));
            }
            removedThenAdded(a, i, i + delta.getSource().size(), b, j, j + delta.getTarget().size(), offset, out);
            i += delta.getSource().size();
            j += delta.getTarget().size();
        }
        for (; i < n; i++, j++) {
            out.add(new Line(Change.SAME, offset + i + 1, offset + j + 1, a.get(i)));
        }
    }

    /** Lines {@code a[fromA..toA)} as removed, then {@code b[fromB..toB)} as added. */
    private static void removedThenAdded(List<String> a, int fromA, int toA, List<String> b, int fromB, int toB,
                                         int offset, List<Line> out) {
        for (int i = fromA; i < toA; i++) {
            out.add(new Line(Change.REMOVED, offset + i + 1, 0, a.get(i)));
        }
        for (int j = fromB; j < toB; j++) {
            out.add(new Line(Change.ADDED, 0, offset + j + 1, b.get(j)));
        }
    }
}
