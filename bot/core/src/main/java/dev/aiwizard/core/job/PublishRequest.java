package dev.aiwizard.core.job;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.conversation.ConversationId;
import dev.aiwizard.core.spec.Spec;
import java.util.List;

/**
 * Files to deliver for a conversation. {@code branch} is the branch this conversation already owns, or
 * {@code null} for a first delivery (the publisher then picks {@code wizard/<slug>-<short id>}).
 * {@code coAuthor} ({@code Name <email>}, or {@code null} when unknown) is credited with a {@code Co-authored-by:}
 * trailer; the bot is the author. Where the target has pull requests, {@code description} is the pull request's body
 * and {@code changeNote} the short comment a revision leaves on it ({@code null}: none). {@code verification} is
 * what running the project's tests showed ({@code null}: not validated); where the target has pull requests it
 * becomes the commit status {@code ai-wizard/tests}, and a failing one makes the pull request a labelled draft.
 */
public record PublishRequest(ConversationId conversationId, Spec spec, String branch, List<GeneratedFile> files,
                             String commitMessage, String coAuthor, String description, String changeNote,
                             Verification verification) {
    public PublishRequest {
        requireNonNull(conversationId, "conversationId");
        requireNonNull(spec, "spec");
        files = List.copyOf(requireNonNull(files, "files"));
        requireNonNull(commitMessage, "commitMessage");
        requireNonNull(description, "description");
        if (coAuthor != null && !coAuthor.matches("[^<>\\p{Cntrl}]+ <[^<>\\s\\p{Cntrl}]+>")) {
            throw new IllegalArgumentException("coAuthor must look like 'Name <email>': " + coAuthor);
        }
    }

    /** A delivery whose tests were not run. */
    public PublishRequest(ConversationId conversationId, Spec spec, String branch, List<GeneratedFile> files,
                          String commitMessage, String coAuthor, String description, String changeNote) {
        this(conversationId, spec, branch, files, commitMessage, coAuthor, description, changeNote, null);
    }

    /** A delivery without a co-author, a pull request body or a change note (plain git targets, tests). */
    public PublishRequest(ConversationId conversationId, Spec spec, String branch, List<GeneratedFile> files,
                          String commitMessage) {
        this(conversationId, spec, branch, files, commitMessage, null, "", null, null);
    }
}
