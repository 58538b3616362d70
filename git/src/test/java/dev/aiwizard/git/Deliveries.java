package dev.aiwizard.git;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aiwizard.core.conversation.ConversationId;
import dev.aiwizard.core.job.GeneratedFile;
import dev.aiwizard.core.job.PublishRequest;
import dev.aiwizard.core.spec.Spec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Requests the job runner would send, and checks on what a delivery leaves on disk. */
final class Deliveries {
    static final ConversationId ALICE = new ConversationId("c-alice001");
    static final ConversationId BOB = new ConversationId("c-bob00002");
    static final List<GeneratedFile> FILES = List.of(
            new GeneratedFile("README.md", "# todo-app\n"),
            new GeneratedFile("src/main/java/App.java", "class App {}\n"),
            new GeneratedFile("docs/spec.md", "# spec\n"));

    private Deliveries() {
    }

    /** A delivery of project {@code todo-app}; {@code null} target and branch as in a first delivery to "local". */
    static PublishRequest request(ConversationId id, String target, String branch, List<GeneratedFile> files) {
        Spec spec = Spec.empty().withName("todo-app").withPurpose("track todos").withTarget(target);
        return new PublishRequest(id, spec, branch, files, "Generate todo-app\n\nTrack todos.");
    }

    static PublishRequest first(ConversationId id) {
        return request(id, null, null, FILES);
    }

    static void assertNoScratchLeft(GitSettings settings) throws IOException {
        if (Files.exists(settings.workDir())) {
            assertEquals(List.of(), list(settings.workDir()), "scratch folders are deleted");
        }
    }

    static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }
}
