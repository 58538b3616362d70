package dev.aiwizard.core.text;

/** What a person wrote, as the bot may keep and repeat it: hidden characters stripped, then secrets removed. */
public final class InboundText {
    private InboundText() {
    }

    /** {@code text} cleaned, with the kinds of secret that were removed from it. */
    public static Secrets.Redacted clean(String text) {
        return Secrets.redact(HiddenText.strip(text));
    }
}
