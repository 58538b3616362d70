package dev.aiwizard.core.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OutputTailTest {
    private static final String TOKEN = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";

    @Test
    void secretsAreMaskedWherever() {
        String out = OutputTail.of("Tests run: 3\nleaked " + TOKEN + " and AKIA" + "ABCDEFGHIJKLMNOP\n");
        assertFalse(out.contains(TOKEN), out);
        assertFalse(out.contains("AKIAABCDEFGHIJKLMNOP"), out);
        assertTrue(out.startsWith("Tests run: 3\nleaked [secret removed] and [secret removed]"), out);
    }

    @Test
    void escapeCodesControlAndInvisibleCharactersGo() {
        assertEquals("BUILD FAILURE\nok\n", OutputTail.of("\u001B[1;31mBUILD FAILURE\u001B[0m\r\nok\u200B\u0007\n"));
    }

    @Test
    void longOutputKeepsAHeadAndATailCutAtLineEnds() {
        StringBuilder raw = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            raw.append("line ").append(i).append('\n');
        }
        String out = OutputTail.of(raw.toString());
        assertTrue(out.length() <= OutputTail.HEAD_CHARS + OutputTail.TAIL_CHARS + 100, () -> "" + out.length());
        assertTrue(out.startsWith("line 0\n"));
        assertTrue(out.endsWith("line 4999\n"));
        assertTrue(out.contains(" characters of output left out ...]\nline "), out);
    }

    @Test
    void partialLinesAtTheEdgesOfDroppedOutputAreNotShown() {
        // The buffer kept "...half of a tok" as the head's end and "en..." as the tail's start.
        String head = "start\nsecret ghp_a1B2c3D4e5F6";
        String tail = "g7H8i9J0k1L2m3N4o5P6q7R8 rest\nBUILD FAILURE\n";
        String out = OutputTail.of(head, 5_000, tail);
        assertEquals("start\n[... 5000 characters of output left out ...]\nBUILD FAILURE\n", out);
    }
}
