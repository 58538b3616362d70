package dev.aiwizard.git;

import dev.aiwizard.core.job.PublishException;
import dev.aiwizard.core.job.PublishRequest;
import dev.aiwizard.core.job.PublishResult;
import dev.aiwizard.core.job.Verification;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.kohsuke.github.GHCommitState;
import org.kohsuke.github.GHIssueComment;
import org.kohsuke.github.GHIssueState;
import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.GHUser;

/**
 * Opens or updates the one pull request of a delivered branch. Exactly once: the open pull request for the branch is
 * looked up first, so a retried job or a second approval updates it instead of opening another; a revision's comment is
 * left once per commit. Everything here runs under the session's write lock.
 */
final class PullRequests {
    private static final System.Logger LOG = System.getLogger(PullRequests.class.getName());

    /** The label a pull request carries while its tests fail. */
    static final String FAILING_LABEL = "wizard:tests-failing";
    /** The commit status context that reports the generated project's tests. */
    static final String STATUS_CONTEXT = "ai-wizard/tests";
    /** GitHub refuses a status description over 140 characters. */
    private static final int MAX_STATUS = 140;

    private final GitHubAccess access;

    PullRequests(GitHubAccess access) {
        this.access = access;
    }

    /** {@code pushed} with its pull request into {@code base}, opened or brought up to date. */
    PublishResult ensure(GitHubAccess.Repo repo, PublishRequest request, PublishResult pushed, String base) {
        GitHubSettings settings = access.settings();
        repo.session().writes().lock();
        try {
            List<String> notes = new ArrayList<>();
            Verification verification = request.verification();
            boolean failing = verification != null && !verification.succeeded();
            GHPullRequest pr = find(repo, pushed.branch());
            if (pr == null) {
                // Code whose tests fail or never ran is not ready for review: a draft, marked as such.
                pr = repo.api().createPullRequest(title(request), pushed.branch(), base, request.description(), true,
                        settings.draft() || failing);
                List<String> labels = new ArrayList<>(settings.labels());
                if (failing && verification.outcome() == Verification.Outcome.FAILED) {
                    labels.add(FAILING_LABEL);
                }
                if (!labels.isEmpty()) {
                    pr.addLabels(labels.toArray(String[]::new));
                }
                requestReviewers(repo, pr, notes);
            } else {
                if (!Objects.equals(pr.getBody(), request.description())) {
                    pr.setBody(request.description());
                }
                relabel(pr, verification, notes);
            }
            if (request.changeNote() != null && !commented(pr, pushed.commitId())) {
                pr.comment(request.changeNote().strip() + "\n\nCommit " + pushed.commitId());
            }
            if (verification != null) {
                status(repo, pushed.commitId(), verification, notes);
            }
            return pushed.withPullRequest(repo.fullName(), pr.getNumber(), pr.getHtmlUrl().toString())
                    .withNotes(notes);
        } catch (IOException e) {
            throw new PublishException("the branch " + pushed.branch() + " is pushed (commit "
                    + pushed.commitId().substring(0, 7) + "), but the pull request could not be opened or updated: "
                    + access.explain(e, repo.fullName()) + ". Say `generate` to try again; nothing is duplicated", e);
        } finally {
            repo.session().writes().unlock();
        }
    }

    /**
     * A revision's pull request carries the failing label exactly while its tests fail. GitHub's REST API cannot
     * take a pull request out of draft, so a revision that turned green says so instead.
     */
    private static void relabel(GHPullRequest pr, Verification verification, List<String> notes) throws IOException {
        if (verification == null) {
            return;
        }
        boolean labelled = pr.getLabels().stream().anyMatch(l -> FAILING_LABEL.equals(l.getName()));
        boolean failed = verification.outcome() == Verification.Outcome.FAILED;
        if (failed && !labelled) {
            pr.addLabels(FAILING_LABEL);
        } else if (!failed && labelled) {
            pr.removeLabel(FAILING_LABEL);
        }
        if (verification.succeeded() && pr.isDraft()) {
            notes.add("the tests pass now; pull request #" + pr.getNumber() + " is still a draft: mark it ready for "
                    + "review on GitHub");
        }
    }

    /**
     * The commit status {@code ai-wizard/tests} on the delivered commit: success only when the tests ran and passed.
     * A courtesy like the reviewers: one GitHub refuses is noted, not fatal (the pull request body says it too).
     */
    private void status(GitHubAccess.Repo repo, String commit, Verification verification, List<String> notes) {
        GHCommitState state = switch (verification.outcome()) {
            case PASSED -> GHCommitState.SUCCESS;
            case FAILED -> GHCommitState.FAILURE;
            case NOT_RUN -> GHCommitState.ERROR;
        };
        String summary = verification.summary();
        String description = summary.length() <= MAX_STATUS ? summary : summary.substring(0, MAX_STATUS - 1) + "…";
        try {
            repo.api().createCommitStatus(commit, state, null, description, STATUS_CONTEXT);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "commit status not set on " + repo.fullName() + "@" + commit + ": "
                    + e.getMessage());
            notes.add("GitHub did not accept the commit status " + STATUS_CONTEXT + " ("
                    + access.explain(e, repo.fullName()) + ")");
        }
    }

    private static GHPullRequest find(GitHubAccess.Repo repo, String branch) throws IOException {
        List<GHPullRequest> open = repo.api().queryPullRequests().head(repo.owner() + ":" + branch)
                .state(GHIssueState.OPEN).list().toList();
        // GitHub filters by head already; the check keeps a server that ignores the filter from misleading us, and
        // never takes a fork's pull request whose branch has the same name for the bot's own.
        String self = repo.fullName();
        return open.stream().filter(p -> branch.equals(p.getHead().getRef()) && p.getHead().getRepository() != null
                && self.equalsIgnoreCase(p.getHead().getRepository().getFullName())).findFirst().orElse(null);
    }

    /** Reviewers are a courtesy: one GitHub will not accept (not a collaborator) is noted, not fatal. */
    private void requestReviewers(GitHubAccess.Repo repo, GHPullRequest pr, List<String> notes) {
        List<String> logins = access.settings().reviewers();
        if (logins.isEmpty()) {
            return;
        }
        try {
            List<GHUser> users = new ArrayList<>();
            for (String login : logins) {
                users.add(repo.session().gitHub().getUser(login));
            }
            pr.requestReviewers(users);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "reviewers not requested on " + repo.fullName() + "#"
                    + pr.getNumber() + ": " + e.getMessage());
            notes.add("GitHub did not accept the reviewers " + String.join(", ", logins) + " ("
                    + access.explain(e, repo.fullName()) + ")");
        }
    }

    private static boolean commented(GHPullRequest pr, String commit) throws IOException {
        for (GHIssueComment c : pr.listComments()) {
            if (c.getBody() != null && c.getBody().contains(commit)) {
                return true;
            }
        }
        return false;
    }

    private static String title(PublishRequest request) {
        String first = request.commitMessage().strip().lines().findFirst().orElse("Generated project");
        return first.length() > 120 ? first.substring(0, 120) : first;
    }
}
