package dev.aiwizard.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The sandbox's directories under the work dir: {@code cache/} (shared by every run: the Maven repository and the npm
 * cache) and one {@code runs/<id>/} per run holding the scratch copy of the project and the reports directory. When
 * the bot runs as root the sandbox runs as an unprivileged user ({@code owner}), who must own what it may write.
 */
final class WorkDirs {
    private final Path root;
    private final int owner;

    /** {@code owner} is the uid that gets what the sandbox may write, or -1 to leave ownership as it is. */
    WorkDirs(Path root, int owner) {
        this.root = root.toAbsolutePath().normalize();
        this.owner = owner;
    }

    Path root() {
        return root;
    }

    /** The shared cache, created (and handed to the sandbox's user) on first use. */
    Path cache() throws IOException {
        Path cache = root.resolve("cache");
        if (!Files.isDirectory(cache)) {
            Files.createDirectories(cache);
            own(cache);
        }
        return cache;
    }

    /** A fresh run directory with {@code project/} (a copy of {@code project}, symbolic links left out) and
     * {@code reports/}. */
    Path newRun(Path project) throws IOException {
        Path run = Files.createDirectories(root.resolve("runs")).resolve(UUID.randomUUID().toString());
        Path copy = run.resolve("project");
        Files.createDirectories(copy);
        Files.createDirectories(run.resolve("reports"));
        Path source = project.toAbsolutePath().normalize();
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(copy.resolve(source.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                // A link could point the sandbox at the bot's own files; generated projects have none.
                if (attrs.isRegularFile()) {
                    Files.copy(file, copy.resolve(source.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        if (owner >= 0) {
            try (Stream<Path> all = Files.walk(run)) {
                for (Path p : (Iterable<Path>) all::iterator) {
                    own(p);
                }
            }
        }
        return run;
    }

    /**
     * The mark left when a dependency step succeeded for {@code manifests} of {@code project} (their paths and
     * contents): outside the cache, where the sandbox cannot write.
     */
    Path fetched(String stack, Path project, List<String> manifests) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        sha.update((stack + "\0").getBytes(StandardCharsets.UTF_8));
        for (String name : manifests) {
            Path manifest = project.resolve(name);
            List<Path> files = List.of();
            if (Files.isDirectory(manifest, LinkOption.NOFOLLOW_LINKS)) {
                try (Stream<Path> all = Files.walk(manifest)) {
                    files = all.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
                }
            } else if (Files.isRegularFile(manifest, LinkOption.NOFOLLOW_LINKS)) {
                files = List.of(manifest);
            }
            for (Path f : files) {
                sha.update((project.relativize(f) + "\0").getBytes(StandardCharsets.UTF_8));
                sha.update(Files.readAllBytes(f));
                sha.update((byte) 0);
            }
        }
        return Files.createDirectories(root.resolve("fetched")).resolve(HexFormat.of().formatHex(sha.digest()));
    }

    /** Removes a run directory and everything the sandbox left in it. */
    static void delete(Path run) {
        if (run == null || !Files.exists(run, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> all = Files.walk(run)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // A leftover scratch copy costs disk, not correctness; the next start of the work dir's owner can clean it.
        }
    }

    private void own(Path p) throws IOException {
        if (owner >= 0) {
            Files.setAttribute(p, "unix:uid", owner, LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(p, "unix:gid", owner, LinkOption.NOFOLLOW_LINKS);
        }
    }
}
