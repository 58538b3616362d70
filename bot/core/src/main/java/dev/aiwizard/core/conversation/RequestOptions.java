package dev.aiwizard.core.conversation;

import dev.aiwizard.core.spec.Placement;
import dev.aiwizard.core.spec.ProtectedPaths;
import dev.aiwizard.core.spec.RepoTarget;
import dev.aiwizard.core.spec.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The options an idea may carry ({@code new a todo api repo=acme/todo branch=develop path=services/todo
 * model=gpt-4.1}), and the idea without them. The last of each wins. A {@code model=} value that is not a model name
 * stays in the idea as text (it is likely prose: "a data model=>entities map"); a bad {@code repo=}, {@code branch=}
 * or {@code path=} is taken out and listed in {@link #problems()}, so the person hears why it was not used. A
 * {@code path=} that is (after normalisation) a protected location ({@link ProtectedPaths}) is not quietly dropped:
 * {@link #refusal()} says why the request is refused as a whole, since the person clearly meant that place.
 */
record RequestOptions(String idea, String model, String repo, String branch, String path, List<String> problems,
                      String refusal) {
    private static final Pattern OPTION = Pattern.compile("(?<=^|\\s)(model|repo|branch|path)=(\\S+)(?=\\s|$)");
    /** A git remote URL ({@code owner/repo} on GitHub is a {@link RepoTarget}). */
    private static final Pattern REMOTE = Pattern.compile("(?:https://|ssh://|git@)\\S+");

    RequestOptions {
        problems = List.copyOf(problems);
    }

    static RequestOptions read(String idea) {
        Matcher m = OPTION.matcher(idea);
        String model = null;
        String repo = null;
        String branch = null;
        String path = null;
        String refusal = null;
        List<String> problems = new ArrayList<>();
        StringBuilder rest = new StringBuilder();
        while (m.find()) {
            String value = m.group(2);
            switch (m.group(1)) {
                case "model" -> {
                    if (!Spec.MODEL.matcher(value).matches()) {
                        continue;
                    }
                    model = value;
                }
                case "repo" -> {
                    if (RepoTarget.parse(value).isPresent() || REMOTE.matcher(value).matches()
                            && !value.endsWith("/..") && !value.endsWith("/.")) {
                        repo = value;
                    } else {
                        problems.add(Refusals.repoIgnored(shown(value)));
                    }
                }
                case "branch" -> {
                    if (Placement.BRANCH.matcher(value).matches()) {
                        branch = value;
                    } else {
                        problems.add(Refusals.branchIgnored(shown(value)));
                    }
                }
                default -> {
                    // A folder outside the repository is only ignored, like any other malformed one.
                    Optional<String> normal = ProtectedPaths.normalise(value);
                    Optional<String> unsafe = ProtectedPaths.folderProblem(value);
                    if (normal.isPresent() && unsafe.isPresent()) {
                        refusal = Refusals.placementRefused(shown(value), unsafe.get());
                    } else if (normal.isPresent() && Placement.FOLDER.matcher(normal.get()).matches()) {
                        path = normal.get();
                    } else {
                        problems.add(Refusals.pathIgnored(shown(value)));
                    }
                }
            }
            m.appendReplacement(rest, "");
        }
        m.appendTail(rest);
        return new RequestOptions(rest.toString().replaceAll("\\s{2,}", " ").strip(), model, repo, branch, path,
                problems, refusal);
    }

    /** Why the project cannot go where {@code placement} puts it, as the person hears it (checked before a job). */
    static Optional<String> refusal(Placement placement) {
        String folder = placement.folder();
        return folder == null ? Optional.empty()
                : ProtectedPaths.folderProblem(folder).map(why -> Refusals.placementRefused(shown(folder), why));
    }

    /** Where the project goes, as asked. */
    Placement placement() {
        return new Placement(branch, path);
    }

    private static String shown(String value) {
        String s = value.replaceAll("[\\p{Cntrl}`]", "?");
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
