package dev.aiwizard.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.util.FileUtils;

/** A throw-away bare repository for one delivery, deleted on close whatever happened. */
final class Scratch implements AutoCloseable {
    private static final String PREFIX = "publish-";
    private static final System.Logger LOG = System.getLogger(Scratch.class.getName());

    private final Path dir;
    private final Repository repository;

    private Scratch(Path dir, Repository repository) {
        this.dir = dir;
        this.repository = repository;
    }

    /** A new empty scratch repository under {@code workDir}. */
    static Scratch create(Path workDir) throws IOException {
        Files.createDirectories(workDir);
        Path dir = Files.createTempDirectory(workDir, PREFIX);
        try {
            return new Scratch(dir, Git.init().setBare(true).setDirectory(dir.toFile()).call().getRepository());
        } catch (GitAPIException | RuntimeException e) {
            deleteQuietly(dir);
            throw new IOException("could not set up a scratch repository: " + e.getMessage(), e);
        }
    }

    Repository repository() {
        return repository;
    }

    @Override
    public void close() {
        repository.close();
        deleteQuietly(dir);
    }

    /** Removes scratch folders a crashed process left behind; young ones may belong to a delivery still running. */
    static void sweep(Path workDir, Duration olderThan) {
        if (!Files.isDirectory(workDir)) {
            return;
        }
        Instant cutoff = Instant.now().minus(olderThan);
        try (Stream<Path> entries = Files.list(workDir)) {
            entries.filter(p -> p.getFileName().toString().startsWith(PREFIX) && modifiedBefore(p, cutoff))
                    .forEach(Scratch::deleteQuietly);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "could not clean up old scratch folders in {0}: {1}", workDir, e);
        }
    }

    private static boolean modifiedBefore(Path p, Instant cutoff) {
        try {
            FileTime t = Files.getLastModifiedTime(p);
            return t.toInstant().isBefore(cutoff);
        } catch (IOException e) {
            return false;
        }
    }

    /** Deletes {@code dir} and everything in it; {@code null} or already gone is fine. */
    static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try {
            FileUtils.delete(dir.toFile(), FileUtils.RECURSIVE | FileUtils.RETRY | FileUtils.SKIP_MISSING);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "could not delete {0}: {1}", dir, e);
        }
    }
}
