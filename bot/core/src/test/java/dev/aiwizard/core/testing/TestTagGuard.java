package dev.aiwizard.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class that talks to the shared PostgreSQL or Redis without {@link NeedsServices}, or starts a process
 * without {@link SpawnsProcesses}, so a forgotten tag cannot slip a slow test into the quick run. It watches with the
 * JDK's flight recorder (process starts, socket reads and writes) for the length of each class; every test JVM
 * loads it through JUnit's extension auto-detection, switched on in the root pom.
 */
public final class TestTagGuard implements BeforeAllCallback, AfterAllCallback {
    private static final String PROCESS_START = "jdk.ProcessStart";
    /** Libraries that probe the machine once per JVM and do without when it fails: see {@link #libraryProbe}. */
    private static final List<String> PROBING_LIBRARIES = List.of("org.eclipse.jgit.util.FS", "com.sun.jna.");
    private static final List<String> SOCKET_EVENTS = List.of("jdk.SocketRead", "jdk.SocketWrite");
    private static final Set<Integer> SERVICE_PORTS = servicePorts();
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TestTagGuard.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        Recording recording = new Recording();
        recording.setName("test-tag-guard " + context.getDisplayName());
        recording.enable(PROCESS_START).withStackTrace();
        SOCKET_EVENTS.forEach(e -> recording.enable(e).withoutStackTrace().withoutThreshold());
        recording.setToDisk(true);
        recording.start();
        context.getStore(NAMESPACE).put(Recording.class, recording);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        List<RecordedEvent> events;
        try (Recording recording = context.getStore(NAMESPACE).remove(Recording.class, Recording.class)) {
            recording.stop();
            events = read(recording);
        }
        String problems = problems(tags(context), events);
        if (!problems.isEmpty()) {
            throw new AssertionError(context.getDisplayName() + problems
                    + " tag it so the quick run (./wizard test --unit) leaves it out (docs/development.md#test-tags)");
        }
    }

    /** What the recorded {@code events} show that {@code tags} do not declare; empty when nothing. */
    private static String problems(Set<String> tags, List<RecordedEvent> events) {
        Set<String> commands = new TreeSet<>();
        Set<String> services = new TreeSet<>();
        for (RecordedEvent event : events) {
            if (!event.getEventType().getName().equals(PROCESS_START)) {
                if (SERVICE_PORTS.contains(event.getInt("port"))) {
                    services.add(event.getString("host") + ":" + event.getInt("port"));
                }
            } else if (!libraryProbe(event)) {
                String command = event.getString("command");
                commands.add(command.length() > 100 ? command.substring(0, 100) + "…" : command);
            }
        }
        StringBuilder problems = new StringBuilder();
        if (!commands.isEmpty() && !tags.contains(SpawnsProcesses.TAG)) {
            problems.append(" started processes ").append(commands.stream().limit(3).toList())
                    .append(commands.size() > 3 ? " and " + (commands.size() - 3) + " more" : "")
                    .append(" without @SpawnsProcesses;");
        }
        if (!services.isEmpty() && !tags.contains(NeedsServices.TAG)) {
            problems.append(" talked to ").append(services).append(" without @NeedsServices;");
        }
        return problems.toString();
    }

    /**
     * Whether a library started the process to look at the machine, once per JVM on first use, and does without when
     * it fails: JGit asks for git's system config and the umask ({@code git --version}, {@code git config --system},
     * {@code sh -c umask}), JNA (helm-java's native helm) lists the shared libraries ({@code ldconfig -p}). Which
     * test class pays for it depends on the order the classes run in, and none needs a tool for it.
     */
    private static boolean libraryProbe(RecordedEvent processStart) {
        return processStart.getStackTrace() != null && processStart.getStackTrace().getFrames().stream()
                .map(f -> f.getMethod().getType().getName())
                .anyMatch(type -> PROBING_LIBRARIES.stream().anyMatch(type::startsWith));
    }

    private static List<RecordedEvent> read(Recording recording) {
        try {
            Path file = Files.createTempFile("test-tag-guard", ".jfr");
            try {
                recording.dump(file);
                return RecordingFile.readAllEvents(file);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the flight recording of " + recording.getName(), e);
        }
    }

    private static Set<String> tags(ExtensionContext context) {
        Set<String> tags = new TreeSet<>(context.getTags());
        context.getParent().ifPresent(parent -> tags.addAll(tags(parent)));
        return tags;
    }

    /** PostgreSQL's and Redis's ports, and those the test services were moved to. */
    private static Set<Integer> servicePorts() {
        Set<Integer> ports = new TreeSet<>(Set.of(5432, 6379));
        Stream.of("WIZARD_TEST_PG_URL", "WIZARD_TEST_REDIS_URL")
                .map(System::getenv)
                .flatMap(url -> Optional.ofNullable(url).stream())
                .map(url -> URI.create(url.replaceFirst("^jdbc:", "")).getPort())
                .filter(port -> port > 0)
                .forEach(ports::add);
        return Set.copyOf(ports);
    }
}
