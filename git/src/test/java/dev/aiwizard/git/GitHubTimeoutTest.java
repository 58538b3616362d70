package dev.aiwizard.git;

import static dev.aiwizard.git.Deliveries.ALICE;
import static dev.aiwizard.git.Deliveries.FILES;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.core.job.PublishException;
import dev.aiwizard.git.testing.GitTestSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A GitHub that accepts connections and never answers must not hold a job: each call has a deadline. */
class GitHubTimeoutTest {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(1);

    @TempDir
    Path tmp;
    private ServerSocket silent;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startASilentServer() throws IOException {
        silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            try {
                while (true) {
                    // Read nothing, answer nothing: the connection stays open and quiet.
                    accepted.add(silent.accept());
                }
            } catch (IOException closed) {
                // The test is over.
            }
        });
    }

    @AfterEach
    void stopIt() throws IOException {
        silent.close();
        for (Socket s : accepted) {
            s.close();
        }
    }

    @Test
    void aGitHubThatNeverAnswersFailsTheDeliveryWithinTheTimeoutWithAClearReason() {
        GitHubSettings access = GitTestSettings.gitHub().withToken("ghp_test0000000000000000000000000000000")
                .withApiUrl(URI.create("http://127.0.0.1:" + silent.getLocalPort()))
                .withTimeouts(new GitHubSettings.Timeouts(Duration.ofSeconds(1), REQUEST_TIMEOUT));
        GitPublisher publisher = new GitPublisher(GitTestSettings.local(tmp.resolve("data"))
                .withAllowedTargets(List.of("acme/*")), access, d -> { }, Clock.systemUTC(), branch -> { });

        long start = System.nanoTime();
        PublishException e = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThrows(
                PublishException.class, () -> publisher.publish(Deliveries.request(ALICE, "acme/todo", null, FILES))));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertTrue(e.getMessage().contains("GitHub did not answer within 1 s"), e.getMessage());
        assertTrue(took.compareTo(Duration.ofSeconds(8)) < 0, "gave up after " + took + ", " + accepted.size()
                + " connections");
        assertTrue(!accepted.isEmpty(), "the call reached the silent server");
    }
}
