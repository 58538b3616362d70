package dev.aiwizard.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.treewalk.TreeWalk;

/** Real repositories for tests, and what a person would see in them. */
final class Repos {
    static final PersonIdent PERSON = new PersonIdent("Ada Person", "ada@example.org");

    private Repos() {
    }

    /** An empty bare repository, as a hosting service creates one. */
    static Path emptyBare(Path dir) throws GitAPIException {
        Git.init().setBare(true).setDirectory(dir.toFile()).setInitialBranch("main").call().close();
        return dir;
    }

    /** A bare repository whose {@code main} has one commit with a README. */
    static Path bareWithHistory(Path dir, Path scratch) throws GitAPIException, IOException {
        emptyBare(dir);
        try (Git work = Git.init().setDirectory(scratch.toFile()).setInitialBranch("main").call()) {
            Files.writeString(scratch.resolve("README.md"), "# existing project\n");
            work.add().addFilepattern(".").call();
            work.commit().setMessage("Initial commit").setAuthor(PERSON).setCommitter(PERSON).setSign(false).call();
            work.push().setRemote(dir.toString()).setRefSpecs(new RefSpec("refs/heads/main:refs/heads/main")).call();
        }
        return dir;
    }

    /** A person clones {@code branch} into {@code clone}, changes one file and pushes: a commit the bot did not make. */
    static ObjectId pushAsPerson(String remote, String branch, Path clone, String file, String content)
            throws GitAPIException, IOException {
        try (Git work = Git.cloneRepository().setURI(remote).setDirectory(clone.toFile()).setBranch(branch).call()) {
            Path target = clone.resolve(file);
            Files.createDirectories(target.getParent());
            Files.writeString(target, content);
            work.add().addFilepattern(".").call();
            RevCommit c = work.commit().setMessage("A person's change").setAuthor(PERSON).setCommitter(PERSON)
                    .setSign(false).call();
            work.push().setRefSpecs(new RefSpec("HEAD:refs/heads/" + branch)).call();
            return c.getId();
        }
    }

    /** A person makes {@code branch} point where {@code from} points, straight in the repository. */
    static void createBranch(Path bare, String branch, String from) throws IOException {
        try (Repository repo = open(bare)) {
            RefUpdate update = repo.updateRef(Constants.R_HEADS + branch);
            update.setNewObjectId(repo.resolve(Constants.R_HEADS + from));
            check(update.update(), RefUpdate.Result.NEW);
        }
    }

    static void deleteBranch(Path bare, String branch) throws IOException {
        try (Repository repo = open(bare)) {
            RefUpdate update = repo.updateRef(Constants.R_HEADS + branch);
            update.setForceUpdate(true);
            check(update.delete(), RefUpdate.Result.FORCED);
        }
    }

    private static void check(RefUpdate.Result actual, RefUpdate.Result expected) {
        if (actual != expected) {
            throw new IllegalStateException("ref update " + actual);
        }
    }

    static Repository open(Path bare) throws IOException {
        return new FileRepositoryBuilder().setGitDir(bare.toFile()).setMustExist(true).build();
    }

    /** The commit {@code refs/heads/<branch>} points to, or {@code null}. */
    static ObjectId tip(Path bare, String branch) throws IOException {
        try (Repository repo = open(bare)) {
            return repo.resolve(Constants.R_HEADS + branch);
        }
    }

    /** All branch names, short. */
    static List<String> branches(Path bare) throws IOException {
        try (Repository repo = open(bare)) {
            return repo.getRefDatabase().getRefsByPrefix(Constants.R_HEADS).stream().map(Ref::getName)
                    .map(Repository::shortenRefName).sorted().toList();
        }
    }

    static RevCommit commit(Path bare, String id) throws IOException {
        try (Repository repo = open(bare); RevWalk walk = new RevWalk(repo)) {
            RevCommit c = walk.parseCommit(ObjectId.fromString(id));
            walk.parseBody(c);
            return c;
        }
    }

    /** Path to content of every file in the commit's tree. */
    static Map<String, String> files(Path bare, String commitId) throws IOException {
        return walkTree(bare, commitId, false);
    }

    /** Paths of the commit's files that are executable. */
    static List<String> executables(Path bare, String commitId) throws IOException {
        return List.copyOf(walkTree(bare, commitId, true).keySet());
    }

    private static Map<String, String> walkTree(Path bare, String commitId, boolean onlyExecutable)
            throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Repository repo = open(bare); RevWalk walk = new RevWalk(repo);
             TreeWalk tree = new TreeWalk(repo)) {
            tree.addTree(walk.parseCommit(ObjectId.fromString(commitId)).getTree());
            tree.setRecursive(true);
            while (tree.next()) {
                if (onlyExecutable && tree.getFileMode(0) != FileMode.EXECUTABLE_FILE) {
                    continue;
                }
                byte[] bytes = repo.open(tree.getObjectId(0)).getBytes();
                out.put(tree.getPathString(), new String(bytes, StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
