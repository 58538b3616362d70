package dev.aiwizard.git;

import dev.aiwizard.core.job.PublishException;
import dev.aiwizard.core.job.PublishRequest;
import dev.aiwizard.core.job.PublishResult;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;
import org.eclipse.jgit.errors.NotSupportedException;
import org.eclipse.jgit.errors.TransportException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.Transport;

/**
 * One delivery from a scratch repository: look at the remote, pick the branch, commit on top of its tip (or of the
 * default branch, or as a root), and push that one branch without force. The push states the tip it expects, so a
 * branch that moved in between is never overwritten; the delivery then looks again and builds on the new tip.
 */
final class Delivery {
    static final int ATTEMPTS = 3;

    private final Repository scratch;
    private final Transport transport;
    private final Target target;
    private final PublishRequest request;
    private final List<String> candidates;
    private final PersonIdent bot;
    private final Consumer<String> beforePush;

    Delivery(Repository scratch, Transport transport, Target target, PublishRequest request, List<String> candidates,
             PersonIdent bot, Consumer<String> beforePush) {
        this.scratch = scratch;
        this.transport = transport;
        this.target = target;
        this.request = request;
        this.candidates = candidates;
        this.bot = bot;
        this.beforePush = beforePush;
    }

    PublishResult run(ProjectFiles files) throws IOException {
        ObjectId tree;
        try (ObjectInserter inserter = scratch.newObjectInserter()) {
            tree = files.writeTree(inserter);
            inserter.flush();
        }
        for (int attempt = 1; ; attempt++) {
            Base base = choose(readRemote());
            if (base.tip() != null && Commits.treeOf(scratch, base.tip()).equals(tree)) {
                // Same content as already delivered (a retried job): no second commit.
                return result(base.branch(), base.tip());
            }
            ObjectId commit = commit(tree, base.parent());
            beforePush.accept(base.branch());
            RemoteRefUpdate pushed = push(base, commit);
            RemoteRefUpdate.Status status = pushed.getStatus();
            if (status == RemoteRefUpdate.Status.OK || status == RemoteRefUpdate.Status.UP_TO_DATE) {
                return result(base.branch(), commit);
            }
            if (!Failures.isRace(status, pushed.getMessage()) || attempt == ATTEMPTS) {
                throw new PublishException(Failures.rejected(status, pushed.getMessage(), base.branch(),
                        target.location()));
            }
        }
    }

    /**
     * Where the new commit goes: a candidate that already carries this conversation's commits (so a retried job finds
     * its branch again), else the first candidate the remote does not have. A branch made by anyone else is skipped,
     * or refused when it is the one the conversation asked for.
     */
    private Base choose(RemoteState remote) throws IOException {
        for (String branch : candidates) {
            ObjectId tip = remote.tips().get(branch);
            if (tip != null && Commits.ownedBy(scratch, tip, remote.head(), request.conversationId())) {
                return new Base(branch, tip, tip);
            }
        }
        for (String branch : candidates) {
            if (!remote.tips().containsKey(branch)) {
                return new Base(branch, null, remote.head());
            }
        }
        if (request.branch() != null) {
            throw new PublishException("the branch " + request.branch() + " at " + target.location() + " has no "
                    + "commits from this conversation; the bot does not take over a branch someone else made");
        }
        throw new PublishException("the branches " + String.join(" and ", candidates) + " at " + target.location()
                + " already belong to others; rename the project to publish it");
    }

    private RemoteState readRemote() throws IOException {
        try {
            return RemoteState.read(scratch, transport, candidates);
        } catch (TransportException | NotSupportedException e) {
            throw new PublishException(Failures.unreachable(e, target), e);
        }
    }

    private ObjectId commit(ObjectId tree, ObjectId parent) throws IOException {
        try (ObjectInserter inserter = scratch.newObjectInserter()) {
            return Commits.write(inserter, tree, parent, bot,
                    Commits.message(request.commitMessage(), request.conversationId()));
        }
    }

    private RemoteRefUpdate push(Base base, ObjectId commit) throws IOException {
        // The expected old id turns the push into compare-and-set: zero means "must not exist yet".
        ObjectId expected = base.tip() == null ? ObjectId.zeroId() : base.tip();
        RemoteRefUpdate update = new RemoteRefUpdate(scratch, commit.name(), commit,
                Constants.R_HEADS + base.branch(), false, null, expected);
        try {
            transport.push(NullProgressMonitor.INSTANCE, List.of(update));
        } catch (TransportException | NotSupportedException e) {
            throw new PublishException(Failures.unreachable(e, target), e);
        }
        return update;
    }

    private PublishResult result(String branch, ObjectId commit) {
        return new PublishResult(branch, commit.name(), target.location());
    }

    /** The chosen branch, its current tip on the remote ({@code null}: to be created) and the new commit's parent. */
    private record Base(String branch, ObjectId tip, ObjectId parent) {
    }
}
