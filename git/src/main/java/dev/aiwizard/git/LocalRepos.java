package dev.aiwizard.git;

import dev.aiwizard.core.job.PublishException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.util.FS;

/**
 * The bare repositories of the {@code local} target, created on first use. A repository is built in a hidden
 * sibling folder and renamed into place in one step, so nobody — not even another process — ever sees half of one.
 */
final class LocalRepos {
    private final Map<Path, ReentrantLock> locks = new ConcurrentHashMap<>();

    /** Makes sure a bare repository exists at {@code repo}. */
    void ensure(Path repo) {
        ReentrantLock lock = locks.computeIfAbsent(repo.toAbsolutePath().normalize(), p -> new ReentrantLock());
        lock.lock();
        try {
            if (Files.exists(repo)) {
                requireRepository(repo);
                return;
            }
            create(repo);
        } finally {
            lock.unlock();
        }
    }

    private static void create(Path repo) {
        Path building = null;
        try {
            Path parent = repo.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            building = Files.createTempDirectory(parent, "." + repo.getFileName() + "-");
            // "main" only names the unborn default branch; the bot never commits to it.
            Git.init().setBare(true).setDirectory(building.toFile()).setInitialBranch("main").call().close();
            Files.move(building, repo, StandardCopyOption.ATOMIC_MOVE);
            building = null;
        } catch (IOException | GitAPIException | JGitInternalException e) {
            if (!isRepository(repo)) {
                throw new PublishException("could not create the repository " + repo + ": " + reason(e), e);
            }
            // Another process made it first; theirs is as good as ours.
        } finally {
            Scratch.deleteQuietly(building);
        }
    }

    private static boolean isRepository(Path repo) {
        return Files.isDirectory(repo) && RepositoryCache.FileKey.isGitRepository(repo.toFile(), FS.DETECTED);
    }

    private static void requireRepository(Path repo) {
        if (!isRepository(repo)) {
            throw new PublishException(repo + " already exists and is not a git repository; move it away or choose "
                    + "another project name");
        }
    }

    /** NIO exceptions carry only the path as message; say what happened. */
    private static String reason(Exception e) {
        String kind = switch (e) {
            case AccessDeniedException a -> "permission denied";
            case FileAlreadyExistsException f -> "a file is in the way";
            case NotDirectoryException n -> "a part of the path is a file, not a folder";
            case FileSystemException f when f.getReason() != null -> f.getReason();
            default -> e.getClass().getSimpleName();
        };
        return e.getMessage() == null ? kind : kind + " (" + e.getMessage() + ")";
    }
}
