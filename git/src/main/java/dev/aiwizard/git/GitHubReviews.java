package dev.aiwizard.git;

import dev.aiwizard.core.spec.RepoTarget;
import java.io.IOException;
import java.util.Optional;
import org.kohsuke.github.GHPermissionType;

/** What the review loop asks GitHub, with the publisher's own sessions: who may ask the bot for changes. */
public final class GitHubReviews {
    private final GitHubAccess access;

    GitHubReviews(GitHubAccess access) {
        this.access = access;
    }

    /** Whether {@code login} has write access (write, maintain or admin) to {@code repo} ({@code owner/name}). */
    public boolean canWrite(String repo, String login) throws IOException {
        Optional<RepoTarget> target = RepoTarget.parse(repo);
        if (target.isEmpty()) {
            return false; // GitHub names every repository owner/name: nobody may write to anything else
        }
        GHPermissionType p = access.open(target.get()).api().getPermission(login);
        return p == GHPermissionType.ADMIN || p == GHPermissionType.WRITE;
    }
}
