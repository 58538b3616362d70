package dev.aiwizard.core.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL cluster of the test's own, in a temporary folder on a free port, made with the machine's
 * {@code initdb} and {@code pg_ctl}, so a test may stop and start it (never the shared server). initdb refuses to
 * run as root, so as root the binaries run as the {@code postgres} user through {@code runuser}. Missing binaries
 * fail the test with what was looked for; they never skip it.
 */
public final class PrivatePostgres implements AutoCloseable {
    private static final Path INSTALLS = Path.of("/usr/lib/postgresql");

    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean asPostgresUser;

    private PrivatePostgres(Path bin, Path dir, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /** Creates and starts a cluster with a database {@code wizard} and the user {@code postgres} on trust. */
    public static PrivatePostgres start() throws IOException, InterruptedException {
        Path bin = binaries();
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("wizard-private-pg");
        if (root) {
            // The folder belongs to the user the server runs as.
            run(List.of("chown", "postgres", dir.toString()), dir);
        }
        PrivatePostgres pg = new PrivatePostgres(bin, dir, freePort(), root);
        pg.pg("initdb", "-D", pg.data().toString(), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync");
        pg.startAgain();
        pg.pg("createdb", "-h", "127.0.0.1", "-p", Integer.toString(pg.port), "-U", "postgres", "wizard");
        return pg;
    }

    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/wizard";
    }

    /** Stops the server at once, as a crash or a failover would: open connections are cut. */
    public void stop() throws IOException, InterruptedException {
        pg("pg_ctl", "-D", data().toString(), "-m", "immediate", "-w", "stop");
    }

    /** Starts the server again on the same port with the same data, waiting until it accepts connections. */
    public void startAgain() throws IOException, InterruptedException {
        pg("pg_ctl", "-D", data().toString(), "-l", dir.resolve("server.log").toString(), "-w", "-t", "60",
                "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -k " + dir + " -c fsync=off", "start");
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            if (Files.exists(data().resolve("postmaster.pid"))) {
                stop();
            }
        } finally {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private Path data() {
        return dir.resolve("data");
    }

    private void pg(String tool, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (asPostgresUser) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(tool).toString());
        command.addAll(List.of(args));
        run(command, dir);
    }

    private static void run(List<String> command, Path dir) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            fail("`" + String.join(" ", command) + "` failed: " + out);
        }
    }

    /** The newest installed version's {@code bin} folder with initdb and pg_ctl. */
    private static Path binaries() throws IOException {
        if (Files.isDirectory(INSTALLS)) {
            try (Stream<Path> versions = Files.list(INSTALLS)) {
                var found = versions.map(v -> v.resolve("bin"))
                        .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                        .max(Comparator.comparing(b -> versionOf(b.getParent())));
                if (found.isPresent()) {
                    return found.get();
                }
            }
        }
        return fail("this test starts and stops a PostgreSQL of its own and needs the server binaries initdb and "
                + "pg_ctl under " + INSTALLS + "/<version>/bin; install the postgresql package");
    }

    private static int versionOf(Path install) {
        try {
            return Integer.parseInt(install.getFileName().toString().split("\\.")[0]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
