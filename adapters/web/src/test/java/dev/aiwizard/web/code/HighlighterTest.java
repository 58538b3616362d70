package dev.aiwizard.web.code;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aiwizard.web.code.Highlighter.Kind;
import dev.aiwizard.web.code.Highlighter.Token;
import java.util.List;
import org.junit.jupiter.api.Test;

class HighlighterTest {
    @Test
    void javaKeywordsStringsNumbersAndCommentsAreTold() {
        List<List<Token>> lines = Highlighter.lines("src/App.java", "int x = 42; // the answer\nString s = \"hi\";");

        assertEquals(2, lines.size());
        assertEquals(new Token(Kind.KEYWORD, "int"), lines.get(0).get(0));
        assertEquals(new Token(Kind.NUMBER, "42"), lines.get(0).get(4));
        assertEquals(new Token(Kind.COMMENT, "// the answer"), lines.get(0).getLast());
        assertEquals(new Token(Kind.STRING, "\"hi\""), lines.get(1).get(4));
    }

    @Test
    void aBlockCommentOverSeveralLinesIsCutAtEachLine() {
        List<List<Token>> lines = Highlighter.lines("a.js", "/* one\ntwo */ let a");

        assertEquals(List.of(new Token(Kind.COMMENT, "/* one")), lines.get(0));
        assertEquals(new Token(Kind.COMMENT, "two */"), lines.get(1).get(0));
        assertEquals(new Token(Kind.KEYWORD, "let"), lines.get(1).get(2));
    }

    @Test
    void hashCommentsInPythonAndYaml() {
        assertEquals(new Token(Kind.COMMENT, "# note"), Highlighter.lines("app.py", "x = 1  # note").get(0)
                .getLast());
        assertEquals(new Token(Kind.COMMENT, "# port"), Highlighter.lines("a.yaml", "# port").get(0).get(0));
    }

    @Test
    void unknownFilesArePlainTextAndNothingIsLost() {
        String text = "<b>not markup</b>\n\nlast";
        List<List<Token>> lines = Highlighter.lines("NOTES", text);

        assertEquals(3, lines.size());
        assertEquals(text, String.join("\n", lines.stream().map(l -> String.join("", l.stream().map(Token::text)
                .toList())).toList()));
    }
}
