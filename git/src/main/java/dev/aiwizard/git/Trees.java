package dev.aiwizard.git;

import java.io.IOException;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * Git trees as sorted maps of path to blob, so a delivery can lay the project over what a branch already holds, and
 * can tell which files the bot itself created there.
 */
final class Trees {
    /** One file of a tree: its mode (regular, executable, symlink, submodule) and its object. */
    record Entry(FileMode mode, ObjectId id) {
    }

    private Trees() {
    }

    /** Every file of {@code commit}'s tree ({@code null}: an empty tree). */
    static SortedMap<String, Entry> read(Repository repo, ObjectId commit) throws IOException {
        SortedMap<String, Entry> files = new TreeMap<>();
        if (commit == null) {
            return files;
        }
        try (RevWalk walk = new RevWalk(repo); TreeWalk tree = new TreeWalk(repo)) {
            tree.addTree(walk.parseCommit(commit).getTree());
            tree.setRecursive(true);
            while (tree.next()) {
                files.put(tree.getPathString(), new Entry(tree.getFileMode(0), tree.getObjectId(0)));
            }
        }
        return files;
    }

    /** Writes {@code files} as a tree and returns its id. */
    static ObjectId write(ObjectInserter inserter, SortedMap<String, Entry> files) throws IOException {
        DirCache index = DirCache.newInCore();
        DirCacheBuilder builder = index.builder();
        for (var file : files.entrySet()) {
            DirCacheEntry entry = new DirCacheEntry(file.getKey());
            entry.setFileMode(file.getValue().mode());
            entry.setObjectId(file.getValue().id());
            builder.add(entry);
        }
        builder.finish();
        return index.writeTree(inserter);
    }

    /**
     * The paths the commits of conversation {@code trailerValue} created or last rewrote on the branch at {@code tip}
     * and that still exist, oldest commit first: a file someone else added stays theirs, a file the bot created stays
     * the bot's even after someone edited it. Commits reachable from {@code base} (the default branch) do not count.
     */
    static Set<String> createdBy(Repository repo, ObjectId tip, ObjectId base, String trailer, String trailerValue)
            throws IOException {
        Set<String> created = new HashSet<>();
        try (RevWalk walk = new RevWalk(repo)) {
            walk.sort(RevSort.TOPO);
            walk.sort(RevSort.REVERSE, true);
            walk.markStart(walk.parseCommit(tip));
            if (base != null) {
                walk.markUninteresting(walk.parseCommit(base));
            }
            for (RevCommit c : walk) {
                if (c.getFooterLines(trailer).contains(trailerValue)) {
                    applyChanges(repo, c, created);
                }
            }
        }
        return Collections.unmodifiableSet(created);
    }

    private static void applyChanges(Repository repo, RevCommit c, Set<String> created)
            throws IOException {
        try (TreeWalk diff = new TreeWalk(repo)) {
            if (c.getParentCount() == 0) {
                diff.addTree(new EmptyTreeIterator());
            } else {
                // A separate parse: the walk that found c is still iterating.
                diff.addTree(repo.parseCommit(c.getParent(0)).getTree());
            }
            diff.addTree(c.getTree());
            diff.setRecursive(true);
            diff.setFilter(TreeFilter.ANY_DIFF);
            while (diff.next()) {
                if (diff.getRawMode(1) == 0) {
                    created.remove(diff.getPathString());
                } else {
                    created.add(diff.getPathString());
                }
            }
        }
    }
}
