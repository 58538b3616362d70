package dev.aiwizard.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.core.conversation.Conversation;
import dev.aiwizard.core.job.GeneratedFile;
import dev.aiwizard.core.job.Job;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The files of a job as a tree with highlighted code, and the diff between revisions. */
class FilesPageTest {
    private final WebFixture web = new WebFixture(WebSettings.localOnly());
    private final JobSamples samples = new JobSamples(web);

    @AfterEach
    void stop() {
        web.close();
    }

    @Test
    void theTreeListsFoldersOnceAndTheChosenFileIsHighlighted() {
        Job job = samples.delivered(samples.conversation("alice", "todo"), "todo", List.of(
                new GeneratedFile("README.md", "# todo\n"),
                new GeneratedFile("src/main/App.java", "public class App { int n = 7; } // <script>alert(1)</script>\n"),
                new GeneratedFile("src/main/Todo.java", "record Todo() {}\n")));

        HttpResponse<String> page = web.browser().get("/jobs/" + job.id().value()
                + "/files?path=src%2Fmain%2FApp.java");

        assertEquals(200, page.statusCode());
        String html = page.body();
        assertEquals(1, html.split("<li class=\"folder depth-0\">src/</li>", -1).length - 1, html);
        assertTrue(html.contains("<li class=\"folder depth-1\">main/</li>"), html);
        assertTrue(html.contains("aria-current=\"page\" data-file=\"App.java\""), html);
        assertTrue(html.contains("data-path=\"src/main/App.java\""), html);
        assertTrue(html.contains("<span class=\"tok-keyword\">public</span>"), html);
        assertTrue(html.contains("<span class=\"tok-number\">7</span>"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "code is shown, never run");
        assertFalse(html.contains("<script>alert"), html);
    }

    @Test
    void withoutAPathTheFirstFileIsShown() {
        Job job = samples.delivered(samples.conversation("alice", "todo"), "todo", List.of(
                new GeneratedFile("b.txt", "bee"), new GeneratedFile("a.txt", "ay")));

        String html = web.browser().get("/jobs/" + job.id().value() + "/files").body();

        assertTrue(html.contains("data-path=\"a.txt\""), html);
    }

    @Test
    void theDiffComparesWithTheConversationsPreviousDeliveredRevision() {
        Conversation c = samples.conversation("alice", "todo");
        Job first = samples.delivered(c, "todo", List.of(new GeneratedFile("App.java", "a\nb\nc\n"),
                new GeneratedFile("gone.txt", "bye\n"), new GeneratedFile("same.txt", "same\n")));
        samples.queued(c, "todo"); // a revision that failed or is still queued is not a delivered one
        Job second = samples.delivered(c, "todo", List.of(new GeneratedFile("App.java", "a\nB\nc\n"),
                new GeneratedFile("new.txt", "hello\n"), new GeneratedFile("same.txt", "same\n")));

        String html = web.browser().get("/jobs/" + second.id().value() + "/diff").body();

        assertTrue(html.contains("href=\"/jobs/" + first.id().value() + "\""), html);
        assertTrue(html.contains("3 file(s) changed, 1 unchanged"), html);
        assertTrue(html.contains("data-path=\"App.java\" data-change=\"changed\""), html);
        assertTrue(html.contains("<span class=\"d-removed\">- b</span>"), html);
        assertTrue(html.contains("<span class=\"d-added\">+ B</span>"), html);
        assertTrue(html.contains("data-path=\"gone.txt\" data-change=\"removed\""), html);
        assertTrue(html.contains("data-path=\"new.txt\" data-change=\"added\""), html);
        assertFalse(html.contains("data-path=\"same.txt\""), "an unchanged file is only counted");
    }

    @Test
    void theFirstRevisionsDiffShowsEveryFileAsNew() {
        Job job = samples.delivered(samples.conversation("alice", "todo"), "todo",
                List.of(new GeneratedFile("App.java", "x\n")));

        String html = web.browser().get("/jobs/" + job.id().value() + "/diff").body();

        assertTrue(html.contains("The first revision of this conversation"), html);
        assertTrue(html.contains("<span class=\"d-added\">+ x</span>"), html);
    }
}
