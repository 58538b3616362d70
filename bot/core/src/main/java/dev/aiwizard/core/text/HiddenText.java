package dev.aiwizard.core.text;

import dev.aiwizard.core.spec.Spec;
import java.util.regex.Pattern;

/**
 * Removes text a person cannot see but an engine would read: HTML comments and invisible characters — format and
 * bidirectional controls, zero-width characters, variation selectors, Unicode tags, fillers that render as blanks
 * (U+115F, U+1160, U+3164, U+FFA0, U+2800) and the rest of Unicode's default-ignorable code points, plus private-use
 * characters. Applied to everything people write before either engine (the model or the offline interviewer) sees
 * it, so hidden instructions reach neither, and nothing invisible lands in a spec, a commit or a file.
 */
public final class HiddenText {
    private static final Pattern COMMENT = Pattern.compile("<!--.*?(-->|$)", Pattern.DOTALL);

    private HiddenText() {
    }

    /** {@code text} without hidden parts; {@code null} stays {@code null}. */
    public static String strip(String text) {
        if (text == null) {
            return null;
        }
        String noComments = COMMENT.matcher(text).replaceAll("");
        StringBuilder out = new StringBuilder(noComments.length());
        noComments.codePoints().filter(cp -> !hidden(cp)).forEach(out::appendCodePoint);
        return out.toString();
    }

    /** {@code spec} with hidden text removed from its free-text parts (purpose, assumptions). */
    public static Spec strip(Spec spec) {
        Spec clean = spec.withPurpose(strip(spec.purpose()));
        return new Spec(clean.name(), clean.purpose(), clean.entities(), clean.operations(), clean.stack(),
                clean.persistence(), clean.target(), clean.assumptions().stream().map(HiddenText::strip).toList(),
                clean.model());
    }

    /** Whether {@code cp} is invisible when rendered (line breaks and tabs are not: people see their effect). */
    public static boolean hidden(int cp) {
        int type = Character.getType(cp);
        if (type == Character.FORMAT || type == Character.PRIVATE_USE || type == Character.UNASSIGNED
                && (cp >= 0xE0000 && cp <= 0xE0FFF || cp >= 0xFFF0 && cp <= 0xFFF8)) {
            return true;
        }
        return defaultIgnorable(cp) || cp == 0x2800 || cp == 0x2028 || cp == 0x2029;
    }

    /** Unicode's Default_Ignorable_Code_Point property (DerivedCoreProperties.txt), which git and editors hide. */
    private static boolean defaultIgnorable(int cp) {
        return cp == 0x00AD || cp == 0x034F || cp == 0x061C || cp == 0x115F || cp == 0x1160
                || cp == 0x17B4 || cp == 0x17B5 || cp >= 0x180B && cp <= 0x180F
                || cp >= 0x200B && cp <= 0x200F || cp >= 0x202A && cp <= 0x202E || cp >= 0x2060 && cp <= 0x206F
                || cp == 0x3164 || cp >= 0xFE00 && cp <= 0xFE0F || cp == 0xFEFF || cp == 0xFFA0
                || cp >= 0xFFF0 && cp <= 0xFFF8 || cp >= 0x1BCA0 && cp <= 0x1BCA3 || cp >= 0x1D173 && cp <= 0x1D17A
                || cp >= 0xE0000 && cp <= 0xE0FFF;
    }
}
