package dev.aiwizard.core.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What looks like a credential: well-known token shapes. People paste tokens into chat, and ideas end up in specs,
 * READMEs, commit messages and pull request bodies; the bot removes them from what people write and refuses
 * generated files that contain one. Reports the kind, never the value.
 */
public final class Secrets {
    /** What replaces a removed secret in a person's text. */
    public static final String REMOVED = "[secret removed]";
    private static final Map<String, Pattern> SHAPES = new LinkedHashMap<>();

    static {
        SHAPES.put("a private key", Pattern.compile(
                "-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----(?:.*?-----END [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----)?",
                Pattern.DOTALL));
        SHAPES.put("a GitHub token", Pattern.compile("\\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,})"));
        SHAPES.put("an AWS access key", Pattern.compile("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b"));
        SHAPES.put("an AWS secret key", Pattern.compile(
                "(?i)aws_?secret_?access_?key\\s*[:=]\\s*[\"']?[A-Za-z0-9/+]{40}\\b"));
        SHAPES.put("a Slack token", Pattern.compile("\\bxox[abposr]-[A-Za-z0-9-]{10,}"));
        SHAPES.put("a Slack app token", Pattern.compile("\\bxapp-[0-9]-[A-Za-z0-9-]{10,}"));
        SHAPES.put("an AI provider API key", Pattern.compile("\\bsk-(?:ant-(?:api\\d\\d-)?|proj-)?[A-Za-z0-9_-]{32,}"));
        SHAPES.put("a Google API key", Pattern.compile("\\bAIza[0-9A-Za-z_-]{35}\\b"));
        SHAPES.put("a Stripe secret key", Pattern.compile("\\b[rs]k_live_[0-9A-Za-z]{20,}"));
        SHAPES.put("a Discord bot token", Pattern.compile(
                "\\b[MNO][A-Za-z\\d_-]{23,25}\\.[A-Za-z\\d_-]{6}\\.[A-Za-z\\d_-]{27,38}\\b"));
        // Our own personal API tokens (ApiTokens.PREFIX and 48 characters), in case one is pasted into a chat.
        SHAPES.put("an AI Wizard API token", Pattern.compile("\\bwzt_[a-z0-9]{48}\\b"));
        SHAPES.put("a password in a URL", Pattern.compile("(?<=://)[^/\\s:@]+:[^/\\s@]{3,}(?=@)"));
        SHAPES.put("a JSON web token", Pattern.compile(
                "\\beyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}"));
    }

    private Secrets() {
    }

    /** {@code text} with its secrets removed, and the kinds removed (each once, in a fixed order). */
    public record Redacted(String text, List<String> kinds) {
        public Redacted {
            kinds = List.copyOf(kinds);
        }

        /** Whether anything was removed. */
        public boolean removedAny() {
            return !kinds.isEmpty();
        }
    }

    /** Replaces every secret in {@code text} with {@link #REMOVED}. */
    public static Redacted redact(String text) {
        if (text == null || text.isEmpty()) {
            return new Redacted(text, List.of());
        }
        String out = text;
        List<String> kinds = new ArrayList<>();
        for (var shape : SHAPES.entrySet()) {
            Matcher m = shape.getValue().matcher(out);
            if (m.find()) {
                kinds.add(shape.getKey());
                out = m.replaceAll(Matcher.quoteReplacement(REMOVED));
            }
        }
        return new Redacted(out, kinds);
    }

    /** For each kind of secret in {@code text}, the offset of its first occurrence. */
    public static Map<String, Integer> find(String text) {
        Map<String, Integer> found = new LinkedHashMap<>();
        for (var shape : SHAPES.entrySet()) {
            Matcher m = shape.getValue().matcher(text);
            if (m.find()) {
                found.put(shape.getKey(), m.start());
            }
        }
        return found;
    }
}
