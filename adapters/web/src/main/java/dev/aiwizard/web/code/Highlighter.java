package dev.aiwizard.web.code;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Syntax highlighting on the server: a file's text cut into tokens (comment, string, number, keyword, plain), line by
 * line, by one regular expression per family of languages. The page shows each token as a {@code <span>} whose class
 * the style sheet colours; the text stays text (the template escapes it), so a generated file can never become markup.
 * A lexer this small is wrong now and then inside exotic literals; it colours, it does not parse.
 */
public final class Highlighter {
    /** What a token is, as the style sheet's class {@code tok-<kind>} names it. */
    public enum Kind { PLAIN, COMMENT, STRING, NUMBER, KEYWORD }

    /** A piece of one line. */
    public record Token(Kind kind, String text) {
        /** The style sheet's class of this token. */
        public String css() {
            return "tok-" + kind.name().toLowerCase(Locale.ROOT);
        }
    }

    private record Language(Pattern lexer, Set<String> keywords) {
    }

    private static final String NUMBER = "(?<number>\\b\\d[\\d_]*(?:\\.\\d+)?(?:[eE][+-]?\\d+)?[lLfFdD]?\\b)";
    private static final String WORD = "(?<word>[A-Za-z_$][A-Za-z0-9_$]*)";
    private static final Language C_LIKE = new Language(Pattern.compile(
            "(?<comment>//[^\\n]*|/\\*[\\s\\S]*?(?:\\*/|$))|(?<string>\"(?:\\\\.|[^\"\\\\\\n])*\"?|'(?:\\\\.|[^'\\\\\\n])*'?"
                    + "|`(?:\\\\.|[^`\\\\])*`?)|" + NUMBER + "|" + WORD), words(
            "abstract assert async await boolean break byte case catch char class const continue default do double "
                    + "else enum export extends false final finally float for fun func function go if implements "
                    + "import in instanceof int interface let long new null package private protected public record "
                    + "return sealed short static struct super switch this throw throws true try type val var void "
                    + "volatile while yield"));
    private static final Language HASH_COMMENTS = new Language(Pattern.compile(
            "(?<comment>#[^\\n]*)|(?<string>\"(?:\\\\.|[^\"\\\\\\n])*\"?|'(?:\\\\.|[^'\\\\\\n])*'?)|" + NUMBER + "|"
                    + WORD), words(
            "and as case def do done elif else esac export false fi for from if import in is lambda None not or "
                    + "pass raise return then True true try while with yield null"));
    private static final Language MARKUP = new Language(Pattern.compile(
            "(?<comment><!--[\\s\\S]*?(?:-->|$))|(?<string>\"[^\"\\n]*\"?)|(?<number>(?!))|(?<word>(?!))"), Set.of());
    private static final Language PLAIN_TEXT = new Language(Pattern.compile(
            "(?<comment>(?!))|(?<string>(?!))|(?<number>(?!))|(?<word>(?!))"), Set.of());

    private Highlighter() {
    }

    /** The lines of {@code content} as tokens, coloured by the language {@code path}'s name suggests. */
    public static List<List<Token>> lines(String path, String content) {
        List<List<Token>> lines = new ArrayList<>();
        List<Token> line = new ArrayList<>();
        for (Token t : tokens(language(path), content)) {
            String[] parts = t.text().split("\n", -1);
            for (int i = 0; i < parts.length; i++) {
                if (i > 0) {
                    lines.add(line);
                    line = new ArrayList<>();
                }
                if (!parts[i].isEmpty()) {
                    line.add(new Token(t.kind(), parts[i]));
                }
            }
        }
        if (!line.isEmpty() || lines.isEmpty()) {
            lines.add(line);
        }
        return lines;
    }

    private static List<Token> tokens(Language lang, String text) {
        List<Token> out = new ArrayList<>();
        Matcher m = lang.lexer().matcher(text);
        int at = 0;
        while (m.find()) {
            if (m.end() == m.start()) {
                continue;
            }
            if (m.start() > at) {
                out.add(new Token(Kind.PLAIN, text.substring(at, m.start())));
            }
            out.add(new Token(kind(m, lang), m.group()));
            at = m.end();
        }
        if (at < text.length()) {
            out.add(new Token(Kind.PLAIN, text.substring(at)));
        }
        return out;
    }

    private static Kind kind(Matcher m, Language lang) {
        if (m.group("comment") != null) {
            return Kind.COMMENT;
        }
        if (m.group("string") != null) {
            return Kind.STRING;
        }
        if (m.group("number") != null) {
            return Kind.NUMBER;
        }
        return lang.keywords().contains(m.group()) ? Kind.KEYWORD : Kind.PLAIN;
    }

    private static Language language(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
        return switch (ext) {
            case "java", "kt", "kts", "js", "mjs", "ts", "tsx", "jsx", "go", "rs", "c", "h", "cpp", "cs", "swift",
                 "scala", "gradle", "json", "css" -> C_LIKE;
            case "py", "sh", "bash", "yml", "yaml", "toml", "properties", "rb", "dockerfile", "makefile",
                 "gitignore", "env", "cfg", "ini", "txt" -> name.endsWith(".txt") ? PLAIN_TEXT : HASH_COMMENTS;
            case "html", "xml", "svg", "jte", "vue" -> MARKUP;
            default -> PLAIN_TEXT;
        };
    }

    private static Set<String> words(String spaced) {
        return Set.of(spaced.split(" "));
    }
}
