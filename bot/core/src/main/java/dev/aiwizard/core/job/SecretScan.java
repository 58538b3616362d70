package dev.aiwizard.core.job;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what looks like a credential in generated text: well-known token shapes, and the bot's own configured
 * secrets. People paste tokens into chat, and ideas end up in READMEs. Reports where, never the value.
 */
final class SecretScan {
    private static final Map<String, Pattern> SHAPES = new LinkedHashMap<>();

    static {
        SHAPES.put("a private key", Pattern.compile("-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----"));
        SHAPES.put("a GitHub token", Pattern.compile("\\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,})"));
        SHAPES.put("an AWS access key", Pattern.compile("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b"));
        SHAPES.put("an AWS secret key", Pattern.compile(
                "(?i)aws_?secret_?access_?key\\s*[:=]\\s*[\"']?[A-Za-z0-9/+]{40}\\b"));
        SHAPES.put("a Slack token", Pattern.compile("\\bxox[abposr]-[A-Za-z0-9-]{10,}"));
        SHAPES.put("an AI provider API key", Pattern.compile("\\bsk-(?:ant-|proj-)?[A-Za-z0-9_-]{32,}"));
    }

    /** Secrets shorter than this are too likely to appear by chance to be searched for. */
    static final int MIN_KNOWN_SECRET = 8;

    private SecretScan() {
    }

    /** One problem per file and kind of secret found in {@code file}, naming the line. */
    static List<String> problems(GeneratedFile file, List<String> knownSecrets) {
        List<String> out = new ArrayList<>();
        String text = file.content();
        for (var shape : SHAPES.entrySet()) {
            Matcher m = shape.getValue().matcher(text);
            if (m.find()) {
                out.add(where(file, m.start()) + ": looks like " + shape.getKey());
            }
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
        return file.path() + " (line " + line + ")";
    }
}
