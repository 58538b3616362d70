package dev.aiwizard.git;

import java.io.IOException;
import java.util.Optional;
import org.kohsuke.github.GHPermissionType;
import org.kohsuke.github.GHPullRequest;

/**
 * What the review loop asks GitHub, with the publisher's own sessions: who may ask the bot for changes, and which
 * branch a pull request comment belongs to (a comment's webhook payload does not say).
 */
public final class GitHubReviews {
    private final GitHubAccess access;

    GitHubReviews(GitHubAccess access) {
        this.access = access;
    }

    /** Whether {@code login} has write access (write, maintain or admin) to {@code repo} ({@code owner/name}). */
    public boolean canWrite(String repo, String login) throws IOException {
        GHPermissionType p = access.open(repo).api().getPermission(login);
        return p == GHPermissionType.ADMIN || p == GHPermissionType.WRITE;
    }

    /** The head branch of pull request {@code number} in {@code repo}, when it comes from {@code repo} itself. */
    public Optional<String> branchOf(String repo, int number) throws IOException {
        GHPullRequest pr = access.open(repo).api().getPullRequest(number);
        boolean sameRepo = pr.getHead().getRepository() == null
                || repo.equalsIgnoreCase(pr.getHead().getRepository().getFullName());
        return sameRepo ? Optional.ofNullable(pr.getHead().getRef()) : Optional.empty();
    }
}
