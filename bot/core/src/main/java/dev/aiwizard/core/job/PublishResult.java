package dev.aiwizard.core.job;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Where the code went: the branch, the commit, and where to find it (a repository path or URL); for a target with
 * pull requests, the repository the pull request was opened in ({@code owner/name} as GitHub spells it), its number
 * and web address ({@code null}, {@code 0} and {@code null} otherwise). {@code notes} are things the person should
 * know that did not stop the delivery (a reviewer GitHub would not accept).
 */
public record PublishResult(String branch, String commitId, String location, String repository, int pullRequest,
                            String pullRequestUrl, List<String> notes) {
    public PublishResult {
        requireNonNull(branch, "branch");
        requireNonNull(commitId, "commitId");
        requireNonNull(location, "location");
        if (pullRequest < 0 || (pullRequest > 0) != (repository != null)) {
            throw new IllegalArgumentException("a pull request has a positive number and a repository, or neither");
        }
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** A pushed branch without a pull request. */
    public PublishResult(String branch, String commitId, String location) {
        this(branch, commitId, location, null, 0, null, List.of());
    }

    /** The same delivery with pull request {@code number} in {@code repository} ({@code owner/name}). */
    public PublishResult withPullRequest(String repository, int number, String url) {
        requireNonNull(repository, "repository");
        return new PublishResult(branch, commitId, location, repository, number, url, notes);
    }

    /** The same delivery with {@code more} notes. */
    public PublishResult withNotes(List<String> more) {
        List<String> all = new java.util.ArrayList<>(notes);
        all.addAll(more);
        return new PublishResult(branch, commitId, location, repository, pullRequest, pullRequestUrl, all);
    }
}
