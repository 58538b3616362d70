package dev.aiwizard.core.sandbox;

import dev.aiwizard.core.text.HiddenText;
import dev.aiwizard.core.text.Secrets;
import java.util.regex.Pattern;

/**
 * Makes a build's output fit to show people: terminal escape codes and invisible characters removed, anything shaped
 * like a secret masked, and at most a head and a tail kept, cut at line ends so no token is shown in part.
 */
public final class OutputTail {
    /** Characters kept from the start of the output (the command, the first error). */
    public static final int HEAD_CHARS = 2_000;
    /** Characters kept from the end (the summary, the failures). */
    public static final int TAIL_CHARS = 8_000;
    private static final Pattern ESCAPES = Pattern.compile("\u001B\\[[0-?]*[ -/]*[@-~]|\u001B[@-Z\\\\-_]");
    private static final Pattern CONTROLS = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

    private OutputTail() {
    }

    /** The whole of {@code output}, cleaned, masked and capped. */
    public static String of(String output) {
        return of(output, 0, "");
    }

    /**
     * Output of which only the first part ({@code head}) and the last ({@code tail}) were kept, {@code omitted} bytes
     * between them dropped; cleaned, masked and capped.
     */
    public static String of(String head, long omitted, String tail) {
        if (omitted == 0) {
            String text = clean(head + tail);
            if (text.length() <= HEAD_CHARS + TAIL_CHARS) {
                return text;
            }
            return join(text, text.length() - TAIL_CHARS, 0);
        }
        // Both sides were cut mid-line: their partial lines go, so no half of a secret is shown.
        String h = clean(head);
        int headEnd = h.lastIndexOf('\n');
        h = headEnd < 0 ? "" : h.substring(0, headEnd + 1);
        String t = clean(tail);
        int tailStart = t.indexOf('\n');
        t = tailStart < 0 ? "" : t.substring(tailStart + 1);
        String text = h + t;
        return join(text, h.length(), omitted);
    }

    /** Head up to {@code cut}, a note on what was left out, then the tail, each capped at a line end. */
    private static String join(String text, int cut, long omitted) {
        String head = text.substring(0, cut);
        String tail = text.substring(cut);
        if (head.length() > HEAD_CHARS) {
            int end = head.lastIndexOf('\n', HEAD_CHARS);
            end = end < 0 ? 0 : end + 1;
            omitted += head.length() - end;
            head = head.substring(0, end);
        }
        if (tail.length() > TAIL_CHARS) {
            int start = tail.indexOf('\n', tail.length() - TAIL_CHARS);
            start = start < 0 ? tail.length() : start + 1;
            omitted += start;
            tail = tail.substring(start);
        }
        return head + "[... " + omitted + " characters of output left out ...]\n" + tail;
    }

    /** Without escape codes, control and invisible characters, with secrets masked. */
    private static String clean(String raw) {
        String text = ESCAPES.matcher(raw == null ? "" : raw).replaceAll("").replace("\r\n", "\n").replace('\r', '\n');
        text = HiddenText.strip(CONTROLS.matcher(text).replaceAll(""));
        return Secrets.redact(text).text();
    }
}
