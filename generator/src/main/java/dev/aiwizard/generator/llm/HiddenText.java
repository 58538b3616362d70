package dev.aiwizard.generator.llm;

import java.util.regex.Pattern;

/**
 * Removes text a person cannot see but a model would read: HTML comments, zero-width and bidirectional control
 * characters, Unicode tag characters and other format characters. Applied to everything people wrote before it
 * goes into a prompt, so hidden instructions never reach a model.
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
    public static dev.aiwizard.core.spec.Spec strip(dev.aiwizard.core.spec.Spec spec) {
        dev.aiwizard.core.spec.Spec clean = spec.withPurpose(strip(spec.purpose()));
        return new dev.aiwizard.core.spec.Spec(clean.name(), clean.purpose(), clean.entities(), clean.operations(),
                clean.stack(), clean.persistence(), clean.target(),
                clean.assumptions().stream().map(HiddenText::strip).toList(), clean.model());
    }

    /** Format characters (zero-width, bidi controls, soft hyphen, tags) and private-use characters. */
    static boolean hidden(int cp) {
        int type = Character.getType(cp);
        return type == Character.FORMAT || type == Character.PRIVATE_USE || (cp >= 0xE0000 && cp <= 0xE007F);
    }
}
