package dev.aiwizard.web;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.job.GeneratedFile;
import dev.aiwizard.core.job.Job;
import dev.aiwizard.core.job.JobState;
import dev.aiwizard.core.job.JobStore;
import dev.aiwizard.web.code.Highlighter;
import dev.aiwizard.web.code.LineDiff;
import dev.aiwizard.web.view.DiffView;
import dev.aiwizard.web.view.FilesView;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A job's files ({@code /jobs/{id}/files}): the tree, and the file chosen in it ({@code ?path=}) with its code
 * highlighted; and the diff ({@code /jobs/{id}/diff}) against the conversation's previous delivered revision.
 */
final class FilesPage {
    private final JobStore jobs;
    private final JobPage jobPage;
    private final Pages pages;

    FilesPage(JobStore jobs, JobPage jobPage, Pages pages) {
        this.jobs = requireNonNull(jobs, "jobs");
        this.jobPage = requireNonNull(jobPage, "jobPage");
        this.pages = requireNonNull(pages, "pages");
    }

    List<WebRoute> routes() {
        return List.of(WebRoute.get("/jobs/{id}/files", this::files), WebRoute.get("/jobs/{id}/diff", this::diff));
    }

    private void files(Visit visit, ServerRequest req, ServerResponse res) {
        Optional<Job> job = jobPage.find(visit, req, res);
        if (job.isEmpty()) {
            return;
        }
        String id = job.get().id().value();
        List<GeneratedFile> files = jobs.files(job.get().id());
        String path = req.query().first("path").orElse(null);
        Optional<GeneratedFile> shown = files.stream().filter(f -> f.path().equals(path)).findFirst();
        if (shown.isEmpty() && !files.isEmpty() && path == null) {
            shown = Optional.of(files.getFirst());
        }
        String current = shown.map(GeneratedFile::path).orElse(null);
        FilesView view = new FilesView(id, "/jobs/" + id, tree(id, files, current), current,
                shown.map(f -> Highlighter.lines(f.path(), f.content())).orElse(null),
                files.isEmpty() ? null : "/jobs/" + id + "/archive.zip");
        pages.render(res, "files.jte", pages.layout(current == null ? "Files of job " + id : current, visit, req),
                "files", view);
    }

    private void diff(Visit visit, ServerRequest req, ServerResponse res) {
        Optional<Job> job = jobPage.find(visit, req, res);
        if (job.isEmpty()) {
            return;
        }
        Optional<Job> previous = previous(job.get());
        Map<String, String> before = previous.map(p -> contents(jobs.files(p.id()))).orElse(Map.of());
        Map<String, String> after = contents(jobs.files(job.get().id()));
        List<DiffView.FileDiff> changed = new ArrayList<>();
        int same = 0;
        TreeSet<String> paths = new TreeSet<>(before.keySet());
        paths.addAll(after.keySet());
        for (String path : paths) {
            String old = before.getOrDefault(path, "");
            String now = after.getOrDefault(path, "");
            List<LineDiff.Line> lines = LineDiff.of(old, now);
            if (!before.containsKey(path)) {
                changed.add(new DiffView.FileDiff(path, "added", lines));
            } else if (!after.containsKey(path)) {
                changed.add(new DiffView.FileDiff(path, "removed", lines));
            } else if (LineDiff.changed(lines)) {
                changed.add(new DiffView.FileDiff(path, "changed", lines));
            } else {
                same++;
            }
        }
        String id = job.get().id().value();
        DiffView view = new DiffView(id, "/jobs/" + id, previous.map(p -> p.id().value()).orElse(null),
                previous.map(p -> "/jobs/" + p.id().value()).orElse(null), changed, same);
        pages.render(res, "diff.jte", pages.layout("Changes in job " + id, visit, req), "diff", view);
    }

    /** The conversation's last delivered job before {@code job}: the revision it changed. */
    private Optional<Job> previous(Job job) {
        Job last = null;
        for (Job j : jobs.forConversation(job.conversationId())) {
            if (j.id().equals(job.id())) {
                break;
            }
            if (j.state() == JobState.SUCCEEDED) {
                last = j;
            }
        }
        return Optional.ofNullable(last);
    }

    /** The tree's rows: each folder once, before what it holds, in path order. */
    private static List<FilesView.Entry> tree(String id, List<GeneratedFile> files, String current) {
        List<FilesView.Entry> rows = new ArrayList<>();
        List<String> open = List.of();
        for (GeneratedFile f : files.stream().sorted((a, b) -> a.path().compareTo(b.path())).toList()) {
            List<String> parts = List.of(f.path().split("/"));
            List<String> folders = parts.subList(0, parts.size() - 1);
            int common = 0;
            while (common < folders.size() && common < open.size() && folders.get(common).equals(open.get(common))) {
                common++;
            }
            for (int d = common; d < folders.size(); d++) {
                rows.add(new FilesView.Entry(folders.get(d), d, true, null, false));
            }
            open = folders;
            rows.add(new FilesView.Entry(parts.getLast(), folders.size(), false, "/jobs/" + id + "/files?path="
                    + URLEncoder.encode(f.path(), StandardCharsets.UTF_8), f.path().equals(current)));
        }
        return rows;
    }

    private static Map<String, String> contents(List<GeneratedFile> files) {
        return files.stream().collect(Collectors.toMap(GeneratedFile::path, GeneratedFile::content, (a, b) -> b));
    }
}
