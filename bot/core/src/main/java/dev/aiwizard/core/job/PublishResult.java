package dev.aiwizard.core.job;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Where the code went: the branch, the commit, and where to find it (a repository path or URL); for a target with
 * pull requests, the pull request's number and web address ({@code 0} and {@code null} otherwise). {@code notes}
 * are things the person should know that did not stop the delivery (a reviewer GitHub would not accept).
 */
public record PublishResult(String branch, String commitId, String location, int pullRequest, String pullRequestUrl,
                            List<String> notes) {
    public PublishResult {
        requireNonNull(branch, "branch");
        requireNonNull(commitId, "commitId");
        requireNonNull(location, "location");
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** A pushed branch without a pull request. */
    public PublishResult(String branch, String commitId, String location) {
        this(branch, commitId, location, 0, null, List.of());
    }

    /** The same delivery with its pull request. */
    public PublishResult withPullRequest(int number, String url) {
        return new PublishResult(branch, commitId, location, number, url, notes);
    }

    /** The same delivery with {@code more} notes. */
    public PublishResult withNotes(List<String> more) {
        List<String> all = new java.util.ArrayList<>(notes);
        all.addAll(more);
        return new PublishResult(branch, commitId, location, pullRequest, pullRequestUrl, all);
    }
}
