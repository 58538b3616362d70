package dev.aiwizard.generator.interview;

import dev.aiwizard.core.spec.RepoTarget;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads where the code goes: the configured default, {@code local} (the bot's own repositories), {@code owner/repo} on
 * GitHub, or a git remote URL.
 */
final class TargetReader {
    static final String LOCAL = "local";
    private static final Pattern URL = Pattern.compile("(?:https?://|ssh://|git@)[^\\s\"'`<>]+", Pattern.CASE_INSENSITIVE);
    private static final Pattern HOST_PATH = Pattern.compile("^(?:www\\.)?[a-z0-9.-]+\\.[a-z]{2,}/[^\\s\"'`<>]+$",
            Pattern.CASE_INSENSITIVE);
    /** In prose a URL is a target only when it looks like a git remote or is introduced as one. */
    private static final Pattern TARGET_CUE = Pattern.compile("\\b(?:push(?:ed)?|repo|repository|remote|target|deliver|put it)\\b",
            Pattern.CASE_INSENSITIVE);
    /** "target to X", "repo is X", "push it to X", "deliver to the X": only default, local or owner/repo count. */
    private static final Pattern NAMED = Pattern.compile("\\b(?:target|repo|repository|deliver(?:ed)?|push(?:ed)?)"
            + "(?:\\s+it)?\\s*(?:to|is|=|:)\\s*(?:the\\s+)?([A-Za-z0-9][\\w./-]*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern USER_INFO = Pattern.compile("^[a-z]+://[^/@]*@", Pattern.CASE_INSENSITIVE);
    private static final Set<String> LOCAL_WORDS = Set.of("local", "locally", "here", "local repo",
            "local repository", "the bot's repository", "bot", "the bot");
    private static final Set<String> DEFAULT_WORDS = Set.of("default", "the default", "default repository",
            "the default repository", "configured", "the configured one");

    private TargetReader() {
    }

    /** What reading a target gave: a target, or a refusal (a URL carrying credentials), or nothing. */
    record Answer(Optional<String> target, boolean refused) {
        static Answer none() {
            return new Answer(Optional.empty(), false);
        }
    }

    /** A direct answer to the target question; "default" means {@code defaultTarget}. */
    static Answer answer(String text, String defaultTarget) {
        String t = Words.trimPunctuation(text);
        if (DEFAULT_WORDS.contains(Words.lower(t))) {
            return new Answer(Optional.of(defaultTarget), false);
        }
        if (LOCAL_WORDS.contains(Words.lower(t))) {
            return new Answer(Optional.of(LOCAL), false);
        }
        if (RepoTarget.parse(t).isPresent()) {
            return new Answer(Optional.of(t), false);
        }
        Matcher m = URL.matcher(t);
        if (m.find()) {
            return url(m.group());
        }
        if (HOST_PATH.matcher(t).matches()) {
            return url("https://" + t);
        }
        return Answer.none();
    }

    /**
     * A target mentioned in passing: "... and push it to https://github.com/acme/x.git", "target to default",
     * "deliver to acme/todo"; {@code default} means {@code defaultTarget}.
     */
    static Answer inProse(String text, String defaultTarget) {
        Matcher m = URL.matcher(text);
        if (m.find() && (m.group().endsWith(".git") || !m.group().startsWith("http") || TARGET_CUE.matcher(text).find())) {
            return url(m.group());
        }
        Matcher named = NAMED.matcher(text);
        if (named.find()) {
            String value = Words.trimPunctuation(named.group(1));
            if (Words.lower(value).equals("default")) {
                return new Answer(Optional.of(defaultTarget), false);
            }
            if (Words.lower(value).equals(LOCAL)) {
                return new Answer(Optional.of(LOCAL), false);
            }
            if (RepoTarget.parse(value).isPresent()) {
                return new Answer(Optional.of(value), false);
            }
        }
        return Answer.none();
    }

    private static Answer url(String raw) {
        String url = raw.replaceAll("[.,;:!?)]+$", "");
        if (USER_INFO.matcher(url).find()) {
            return new Answer(Optional.empty(), true);
        }
        return new Answer(Optional.of(url), false);
    }
}
