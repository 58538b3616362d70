package dev.aiwizard.core.job;

import static java.util.Objects.requireNonNull;

/** Where the code went: the branch, the commit, and where to find it (a repository path or URL). */
public record PublishResult(String branch, String commitId, String location) {
    public PublishResult {
        requireNonNull(branch, "branch");
        requireNonNull(commitId, "commitId");
        requireNonNull(location, "location");
    }
}
