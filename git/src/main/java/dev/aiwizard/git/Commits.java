package dev.aiwizard.git;

import dev.aiwizard.core.conversation.ConversationId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * The bot's commits: built directly (no hooks, no signing, nobody's git configuration in the way) and marked with a
 * {@code Wizard-Conversation} trailer, which is how a later delivery recognises a branch as this conversation's own.
 */
final class Commits {
    static final String TRAILER = "Wizard-Conversation";
    /** The project's folder in the repository ({@code .} for the root), so revisions keep to it. */
    static final String PATH_TRAILER = "Wizard-Path";

    private Commits() {
    }

    /**
     * {@code text} as a commit message, with the trailers as its last paragraph: the conversation, the project's
     * folder ({@code ""}: the root) and the person who asked ({@code null}: unknown), credited as co-author.
     */
    static String message(String text, ConversationId id, String folder, String coAuthor) {
        // A stray CR or NUL from a chat client has no place in a commit message.
        String body = text.replace("\r\n", "\n").replaceAll("[\\p{Cntrl}&&[^\n\t]]", "").strip();
        if (body.isEmpty()) {
            body = "Update the generated project";
        }
        return body + "\n\n" + TRAILER + ": " + id.value() + "\n" + PATH_TRAILER + ": "
                + (folder.isEmpty() ? "." : folder) + "\n" + (coAuthor == null ? "" : "Co-authored-by: " + coAuthor + "\n");
    }

    /**
     * The folder (without its trailing slash; {@code ""} for the root) that the latest commit of conversation
     * {@code id} on the branch at {@code tip} put the project in; the root for commits made before folders existed.
     */
    static String folderOf(Repository repo, ObjectId tip, ObjectId head, ConversationId id) throws IOException {
        try (RevWalk walk = new RevWalk(repo)) {
            walk.markStart(walk.parseCommit(tip));
            if (head != null) {
                walk.markUninteresting(walk.parseCommit(head));
            }
            for (RevCommit c : walk) {
                if (c.getFooterLines(TRAILER).contains(id.value())) {
                    var paths = c.getFooterLines(PATH_TRAILER);
                    String folder = paths.isEmpty() ? "." : paths.get(paths.size() - 1).strip();
                    return folder.equals(".") ? "" : folder;
                }
            }
            return "";
        }
    }

    /** Writes a commit of {@code tree} on top of {@code parent} (none: a root commit) and returns its id. */
    static ObjectId write(ObjectInserter inserter, ObjectId tree, ObjectId parent, PersonIdent bot, String message)
            throws IOException {
        CommitBuilder commit = new CommitBuilder();
        commit.setTreeId(tree);
        if (parent != null) {
            commit.setParentId(parent);
        }
        commit.setAuthor(bot);
        commit.setCommitter(bot);
        commit.setEncoding(StandardCharsets.UTF_8);
        commit.setMessage(message);
        ObjectId id = inserter.insert(commit);
        inserter.flush();
        return id;
    }

    /**
     * Whether the branch at {@code tip} carries a commit of conversation {@code id}. Only the branch's own commits
     * count (those not on the default branch {@code head}): that keeps the walk short, and a branch someone cut from a
     * default branch that has our merged work in it is still theirs, not ours.
     */
    static boolean ownedBy(Repository repo, ObjectId tip, ObjectId head, ConversationId id) throws IOException {
        try (RevWalk walk = new RevWalk(repo)) {
            walk.markStart(walk.parseCommit(tip));
            if (head != null) {
                walk.markUninteresting(walk.parseCommit(head));
            }
            for (RevCommit c : walk) {
                if (c.getFooterLines(TRAILER).contains(id.value())) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The tree of commit {@code id}. */
    static ObjectId treeOf(Repository repo, ObjectId id) throws IOException {
        try (RevWalk walk = new RevWalk(repo)) {
            return walk.parseCommit(id).getTree().getId();
        }
    }
}
