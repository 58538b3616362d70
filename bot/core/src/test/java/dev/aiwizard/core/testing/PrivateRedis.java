package dev.aiwizard.core.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Redis of the test's own, on a free port, with nothing kept on disk, so a drill may stop and start it (never the
 * shared server). A missing {@code redis-server} fails the test with what was looked for; it never skips it.
 */
public final class PrivateRedis implements AutoCloseable {
    private final Path dir;
    private final int port;
    private Process server;

    private PrivateRedis(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** Starts a Redis and waits until it accepts connections. */
    public static PrivateRedis start() throws IOException, InterruptedException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            PrivateRedis redis = new PrivateRedis(Files.createTempDirectory("wizard-private-redis"), s.getLocalPort());
            s.close();
            redis.startAgain();
            return redis;
        }
    }

    /** {@code redis://127.0.0.1:<port>}. */
    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Starts the server again on the same port (it keeps nothing: a restarted Redis has forgotten everything). */
    public void startAgain() throws IOException, InterruptedException {
        try {
            server = new ProcessBuilder(List.of("redis-server", "--port", Integer.toString(port), "--bind",
                    "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir.toString()))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
        } catch (IOException e) {
            fail("this drill starts and stops a Redis of its own and needs redis-server on the PATH (Debian package "
                    + "redis-server): " + e.getMessage());
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                if (!server.isAlive()) {
                    fail("redis-server exited: " + Files.readString(dir.resolve("redis.log")));
                }
                Thread.sleep(20);
            }
        }
        fail("redis-server did not accept connections on port " + port);
    }

    /** Stops the server at once, as a crash would. */
    public void stop() throws InterruptedException {
        if (server != null && server.isAlive()) {
            server.destroyForcibly();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws Exception {
        stop();
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
