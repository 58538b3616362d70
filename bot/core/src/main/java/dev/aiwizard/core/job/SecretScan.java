package dev.aiwizard.core.job;

import dev.aiwizard.core.text.Secrets;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds what looks like a credential in generated text: well-known token shapes, and the bot's own configured
 * secrets. People paste tokens into chat, and ideas end up in READMEs. Reports where, never the value.
 */
final class SecretScan {
    /** Secrets shorter than this are too likely to appear by chance to be searched for. */
    static final int MIN_KNOWN_SECRET = 8;

    private SecretScan() {
    }

    /** One problem per file and kind of secret found in {@code file}'s path or content, naming the line. */
    static List<String> problems(GeneratedFile file, List<String> knownSecrets) {
        List<String> out = new ArrayList<>();
        // A path is committed and shown in pull requests just like content.
        for (String kind : Secrets.find(file.path()).keySet()) {
            out.add("a file path: looks like " + kind);
        }
        for (String secret : knownSecrets) {
            if (file.path().contains(secret)) {
                out.add("a file path: contains one of the bot's own configured secrets");
            }
        }
        String text = file.content();
        for (var found : Secrets.find(text).entrySet()) {
            out.add(where(file, found.getValue()) + ": looks like " + found.getKey());
        }
        for (String secret : knownSecrets) {
            int at = text.indexOf(secret);
            if (at >= 0) {
                out.add(where(file, at) + ": contains one of the bot's own configured secrets");
            }
        }
        return out;
    }

    private static String where(GeneratedFile file, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (file.content().charAt(i) == '\n') {
                line++;
            }
        }
        return Secrets.redact(file.path()).text() + " (line " + line + ")";
    }
}
