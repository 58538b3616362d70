package dev.aiwizard.web.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LineDiffTest {
    /** The diff as a unified diff's body: sign and text per line. */
    private static String shown(List<LineDiff.Line> diff) {
        return diff.stream().map(l -> l.sign() + l.text()).collect(Collectors.joining("\n"));
    }

    @Test
    void aChangedLineIsRemovedThenAddedAndTheRestIsKept() {
        List<LineDiff.Line> diff = LineDiff.of("a\nb\nc\nd\n", "a\nB\nc\nd\ne\n");

        assertEquals(" a\n-b\n+B\n c\n d\n+e", shown(diff));
        assertTrue(LineDiff.changed(diff));
    }

    @Test
    void lineNumbersFollowEachVersion() {
        List<LineDiff.Line> diff = LineDiff.of("x\nold\nz\n", "new1\nx\nz\n");

        assertEquals("+new1\n x\n-old\n z", shown(diff));
        LineDiff.Line z = diff.getLast();
        assertEquals(3, z.oldNumber());
        assertEquals(3, z.newNumber());
        assertEquals(0, diff.getFirst().oldNumber(), "an added line has no old number");
        assertEquals(1, diff.getFirst().newNumber());
    }

    @Test
    void theLongestCommonPartIsKeptWhenLinesMoveAround() {
        assertEquals("-a\n b\n c\n+a", shown(LineDiff.of("a\nb\nc", "b\nc\na")));
    }

    @Test
    void anAddedOrRemovedFileIsAllAddedOrAllRemoved() {
        assertEquals("+one\n+two", shown(LineDiff.of("", "one\ntwo\n")));
        assertEquals("-one", shown(LineDiff.of("one\n", "")));
    }

    @Test
    void theSameTextHasNoChange() {
        assertFalse(LineDiff.changed(LineDiff.of("same\ntext\n", "same\ntext\n")));
    }

    @Test
    void aHugeRewriteIsShownAsRemovedThenAddedWithoutTheTable() {
        String before = IntStream.range(0, 3000).mapToObj(i -> "old " + i).collect(Collectors.joining("\n"));
        String after = IntStream.range(0, 3000).mapToObj(i -> "new " + i).collect(Collectors.joining("\n"));

        List<LineDiff.Line> diff = LineDiff.of(before, after);

        assertEquals(6000, diff.size());
        assertEquals(LineDiff.Change.REMOVED, diff.get(2999).change());
        assertEquals(LineDiff.Change.ADDED, diff.get(3000).change());
    }
}
