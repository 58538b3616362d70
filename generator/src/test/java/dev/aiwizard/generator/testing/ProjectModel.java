package dev.aiwizard.generator.testing;

import dev.aiwizard.generator.testing.FakeLlmServer.Reply;
import dev.aiwizard.generator.testing.FakeLlmServer.Request;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A scripted model for {@link FakeLlmServer} that behaves like a careful one: it plans exactly the template files
 * it is shown (plus {@code extraDocs} more), with every test depending on the sources, and writes each file as its
 * template. Tests override single answers with {@link #override}. Each answer comes after {@code latency}.
 */
public final class ProjectModel implements Function<Request, Reply> {
    private final Duration latency;
    private final int extraDocs;
    private final List<Function<Request, Reply>> overrides = new ArrayList<>();

    public ProjectModel(Duration latency, int extraDocs) {
        this.latency = latency;
        this.extraDocs = extraDocs;
    }

    /** Answers no latency, template files only. */
    public ProjectModel() {
        this(Duration.ZERO, 0);
    }

    /** Lets {@code override} answer first; it returns {@code null} to leave a request to the default. */
    public ProjectModel override(Function<Request, Reply> override) {
        overrides.add(override);
        return this;
    }

    @Override
    public Reply apply(Request r) {
        for (Function<Request, Reply> o : overrides) {
            Reply reply = o.apply(r);
            if (reply != null) {
                return reply.after(latency);
            }
        }
        return (isPlan(r) ? Reply.json(plan(r)) : isFile(r) ? Reply.json(file(r)) : Reply.error(400, Map.of()))
                .after(latency);
    }

    public static boolean isPlan(Request r) {
        return r.allText().contains("<template_files>");
    }

    public static boolean isFile(Request r) {
        return r.lastUser().contains("<file>") || r.userTexts().stream().anyMatch(u -> u.contains("<file>"));
    }

    /** The path a file request asks for. */
    public static String askedPath(Request r) {
        String u = r.userTexts().get(0);
        return between(u, "<file>", "</file>");
    }

    /** The template content a file request carries, or a small stand-in for files without one. */
    public static String template(Request r) {
        String u = r.userTexts().get(0);
        int at = u.indexOf("<template>\n");
        if (at < 0) {
            return "# " + askedPath(r) + "\n\nWritten by the fake model.\n";
        }
        return between(u, "<template>\n", "\n</template>");
    }

    private Map<String, Object> plan(Request r) {
        String listed = between(r.allText(), "<template_files>\n", "\n</template_files>");
        List<String> paths = new ArrayList<>(List.of(listed.split("\n")));
        for (int i = 1; i <= extraDocs; i++) {
            paths.add("docs/notes-" + i + ".md");
        }
        List<String> sources = paths.stream().filter(ProjectModel::isSource).toList();
        List<Object> files = new ArrayList<>();
        for (String p : paths) {
            Map<String, Object> f = new LinkedHashMap<>();
            boolean test = isTest(p);
            f.put("path", p);
            f.put("kind", test ? "test" : isSource(p) ? "source" : p.endsWith(".md") ? "doc" : "config");
            f.put("purpose", "the file " + p);
            f.put("hasLogic", isSource(p));
            f.put("dependsOn", test ? sources : List.of());
            files.add(f);
        }
        return Map.of("files", files);
    }

    private static Map<String, Object> file(Request r) {
        return Map.of("path", askedPath(r), "content", template(r));
    }

    private static boolean isTest(String p) {
        return p.contains("src/test/") || p.startsWith("test/") || p.endsWith(".test.js");
    }

    private static boolean isSource(String p) {
        return !isTest(p) && (p.endsWith(".java") || (p.endsWith(".js") && p.startsWith("src/")));
    }

    private static String between(String s, String start, String end) {
        int a = s.indexOf(start);
        int b = s.indexOf(end, a + start.length());
        if (a < 0 || b < 0) {
            throw new IllegalArgumentException("no " + start + " in the request");
        }
        return s.substring(a + start.length(), b);
    }
}
