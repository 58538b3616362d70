package dev.aiwizard.git;

import dev.aiwizard.core.job.PublishException;
import dev.aiwizard.core.job.PublishRequest;
import dev.aiwizard.core.job.PublishResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
            GHPullRequest pr = find(repo, pushed.branch());
            if (pr == null) {
                pr = repo.api().createPullRequest(title(request), pushed.branch(), base, request.description(), true,
                        settings.draft());
                if (!settings.labels().isEmpty()) {
                    pr.addLabels(settings.labels().toArray(String[]::new));
                }
                requestReviewers(repo, pr, notes);
            } else if (!Objects.equals(pr.getBody(), request.description())) {
                pr.setBody(request.description());
            }
            if (request.changeNote() != null && !commented(pr, pushed.commitId())) {
                pr.comment(request.changeNote().strip() + "\n\nCommit " + pushed.commitId());
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
