package dev.aiwizard.git;

import dev.aiwizard.core.job.PublishException;
import dev.aiwizard.core.job.PublishRequest;
import dev.aiwizard.core.spec.ProtectedPaths;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
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
 * One delivery from a scratch repository: look at the remote, pick the branch, lay the project over what is there and
 * commit on top of its tip (or of the base branch), and push that one branch without force. The push states the tip
 * it expects, so a branch that moved in between is never overwritten; the delivery then looks again and builds on the
 * new tip.
 *
 * <p>Where the project goes: in an empty repository, at the root; in one with content, in its own folder
 * ({@code path=} from the request, else the project's name), where no existing file is overwritten. A revision keeps to
 * the folder of the first delivery and only changes files the bot created on its branch: files others added there
 * stay as they are. Nothing lands in a protected location ({@link ProtectedPaths}), judged on the final paths. An
 * empty GitHub repository is refused: there, the first branch pushed would become the default branch.
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
    private final Set<String> allowedProtected;

    /** {@code allowedProtected}: the protected locations an admin allowed ({@link ProtectedPaths#ALLOWABLE}). */
    Delivery(Repository scratch, Transport transport, Target target, PublishRequest request, List<String> candidates,
             PersonIdent bot, Consumer<String> beforePush, Set<String> allowedProtected) {
        this.scratch = scratch;
        this.transport = transport;
        this.target = target;
        this.request = request;
        this.candidates = candidates;
        this.bot = bot;
        this.beforePush = beforePush;
        this.allowedProtected = allowedProtected;
    }

    /** What a delivery did: the branch and its tip, whether it made a commit, and whether it made the branch. */
    record Outcome(String branch, ObjectId commit, boolean committed, boolean createdBranch, String folder) {
    }

    Outcome run(ProjectFiles files) throws IOException {
        for (int attempt = 1; ; attempt++) {
            RemoteState remote = readRemote();
            if (remote.empty() && target.gitHubRepo() != null) {
                // On GitHub the first branch pushed to an empty repository becomes its default branch, and a pull
                // request needs a base branch that exists: either way the bot would be writing the default branch.
                throw new PublishException("the repository " + target.gitHubRepo() + " is empty, and a pull request "
                        + "needs a branch to go into; the bot never creates the default branch itself. Initialise it "
                        + "with a first commit (e.g. a README), then say `generate` again");
            }
            Base base = choose(remote);
            SortedMap<String, Trees.Entry> parentTree = new TreeMap<>(Trees.read(scratch, base.parent()));
            if (base.tip() == null) {
                base = new Base(base.branch(), null, base.parent(), firstFolder(parentTree));
            }
            ObjectId tree;
            try (ObjectInserter inserter = scratch.newObjectInserter()) {
                tree = Trees.write(inserter, layOut(base, parentTree, remote, files, inserter));
                inserter.flush();
            }
            if (base.tip() != null && Commits.treeOf(scratch, base.tip()).equals(tree)) {
                // Same content as already delivered (a retried job): no second commit.
                return new Outcome(base.branch(), base.tip(), false, false, base.folder());
            }
            ObjectId commit = commit(tree, base);
            beforePush.accept(base.branch());
            RemoteRefUpdate pushed = push(base.branch(), base.tip(), commit);
            RemoteRefUpdate.Status status = pushed.getStatus();
            if (status == RemoteRefUpdate.Status.OK || status == RemoteRefUpdate.Status.UP_TO_DATE) {
                return new Outcome(base.branch(), commit, true, base.tip() == null, base.folder());
            }
            if (!Failures.isRace(status, pushed.getMessage()) || attempt == ATTEMPTS) {
                throw new PublishException(Failures.rejected(status, pushed.getMessage(), base.branch(),
                        target.location()));
            }
        }
    }

    /**
     * Where the new commit goes: the candidate that already carries this conversation's commits (so a retried job
     * finds its branch again), else the first candidate the remote does not have. A branch made by anyone else is
     * never taken over.
     */
    private Base choose(RemoteState remote) throws IOException {
        String asked = request.spec().placement().baseBranch();
        for (String branch : candidates) {
            ObjectId tip = remote.tips().get(branch);
            if (tip != null && Commits.ownedBy(scratch, tip, remote.head(), request.conversationId())) {
                return new Base(branch, tip, tip, Commits.folderOf(scratch, tip, remote.head(),
                        request.conversationId()));
            }
        }
        if (asked != null && remote.head() == null) {
            throw new PublishException("there is no branch " + asked + " at " + target.location()
                    + " to start from; leave out branch= to use the default branch");
        }
        for (String branch : candidates) {
            if (!remote.tips().containsKey(branch)) {
                return new Base(branch, null, remote.head(), null);
            }
        }
        if (request.branch() != null) {
            throw new PublishException("the branch " + request.branch() + " at " + target.location() + " has no "
                    + "commits from this conversation; the bot does not take over a branch someone else made");
        }
        throw new PublishException("the branch " + String.join(" and ", candidates) + " at " + target.location()
                + " already belongs to someone else; rename the project to publish it");
    }

    /** The whole tree of the new commit: what the parent holds ({@code tree}), with the project laid over it. */
    private SortedMap<String, Trees.Entry> layOut(Base base, SortedMap<String, Trees.Entry> tree, RemoteState remote,
                                                  ProjectFiles files, ObjectInserter inserter) throws IOException {
        SortedMap<String, Trees.Entry> project = files.insert(inserter, base.folder());
        refuseProtected(base.folder(), project.keySet());
        if (base.tip() == null) {
            for (String path : project.keySet()) {
                if (tree.containsKey(path) || isFolder(tree, path)) {
                    throw new PublishException("the repository at " + target.location() + " already has "
                            + ProjectFiles.shown(path) + "; the bot never overwrites existing files. Choose another "
                            + "folder with path=<folder> in the request, or another project name");
                }
            }
            tree.putAll(project);
            return tree;
        }
        Set<String> created = Trees.createdBy(scratch, base.tip(), remote.head(), Commits.TRAILER,
                request.conversationId().value());
        Set<String> dropped = new HashSet<>(created);
        dropped.removeAll(project.keySet());
        tree.keySet().removeAll(dropped);
        for (String path : project.keySet()) {
            if (tree.containsKey(path) && !created.contains(path) || isFolder(tree, path)) {
                throw new PublishException("the revision would overwrite " + ProjectFiles.shown(path) + " on "
                        + base.branch() + ", which someone else added there; the bot only changes files it created. "
                        + "Move or remove that file, or ask for a different change");
            }
        }
        tree.putAll(project);
        return tree;
    }

    /**
     * The last check before a commit, on the paths as they will be in the repository: a project file may be fine in
     * itself ({@code ci.yml}) and protected where it lands ({@code .github/workflows/ci.yml}).
     */
    private void refuseProtected(String folder, Set<String> paths) {
        if (!folder.isEmpty()) {
            ProtectedPaths.folderProblem(folder).ifPresent(why -> {
                throw new PublishException("refusing to deliver: the project's folder " + ProjectFiles.visible(why));
            });
        }
        for (String path : paths) {
            ProtectedPaths.fileProblem(path, allowedProtected).ifPresent(why -> {
                throw new PublishException("refusing to commit " + ProjectFiles.visible(why));
            });
        }
    }

    /** The project's folder in a new branch: the root of an empty repository, else its own folder. */
    private String firstFolder(SortedMap<String, Trees.Entry> tree) {
        String asked = request.spec().placement().folder();
        if (asked != null) {
            return asked;
        }
        if (tree.isEmpty()) {
            return "";
        }
        String folder = request.spec().name();
        if (isFolder(tree, folder) || tree.containsKey(folder)) {
            throw new PublishException("the repository at " + target.location() + " already has a " + folder
                    + " folder; choose another folder with path=<folder> in the request, or another project name");
        }
        return folder;
    }

    private static boolean isFolder(SortedMap<String, Trees.Entry> tree, String path) {
        String prefix = path + "/";
        SortedMap<String, Trees.Entry> after = tree.tailMap(prefix);
        return !after.isEmpty() && after.firstKey().startsWith(prefix);
    }

    private RemoteState readRemote() throws IOException {
        try {
            return RemoteState.read(scratch, transport, candidates, request.spec().placement().baseBranch());
        } catch (TransportException | NotSupportedException e) {
            throw new PublishException(Failures.unreachable(e, target), e);
        }
    }

    private ObjectId commit(ObjectId tree, Base base) throws IOException {
        try (ObjectInserter inserter = scratch.newObjectInserter()) {
            return Commits.write(inserter, tree, base.parent(), bot, Commits.message(request.commitMessage(),
                    request.conversationId(), base.folder(), request.coAuthor()));
        }
    }

    /** Pushes {@code commit} to {@code branch} if the branch is still at {@code expectedTip} ({@code null}: absent). */
    private RemoteRefUpdate push(String branch, ObjectId expectedTip, ObjectId commit) throws IOException {
        // The expected old id turns the push into compare-and-set: zero means "must not exist yet".
        ObjectId expected = expectedTip == null ? ObjectId.zeroId() : expectedTip;
        RemoteRefUpdate update = new RemoteRefUpdate(scratch, commit.name(), commit,
                Constants.R_HEADS + branch, false, null, expected);
        try {
            transport.push(NullProgressMonitor.INSTANCE, List.of(update));
        } catch (TransportException | NotSupportedException e) {
            throw new PublishException(Failures.unreachable(e, target), e);
        }
        return update;
    }

    /**
     * The chosen branch, its current tip on the remote ({@code null}: to be created), the new commit's parent and the
     * project's folder ({@code ""}: the root).
     */
    private record Base(String branch, ObjectId tip, ObjectId parent, String folder) {
    }
}
