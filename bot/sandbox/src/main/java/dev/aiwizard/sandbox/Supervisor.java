package dev.aiwizard.sandbox;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * Runs one sandbox command and watches it: output kept as head and tail, the run killed when it writes more than its
 * output limit or outlives its timeout, and the most tasks (processes and threads) seen at once, so a run that hit
 * its process limit can say so. Killing the bwrap process ends its PID namespace, and with it every process inside.
 * Each command starts in a session of its own ({@code setsid}): Ctrl-C on the bot's terminal, or a SIGTERM to its
 * process group, stops the bot, whose shutdown then hands the job back and stops the sandbox itself; the signal never
 * reaches the sandbox directly, where it would look like a project whose tests died.
 */
final class Supervisor {
    static final int HEAD_BYTES = 16 * 1024;
    static final int TAIL_BYTES = 64 * 1024;
    private static final Duration SAMPLE = Duration.ofMillis(200);
    /** util-linux's setsid: a child of the JVM is no process group leader, so it calls setsid(2) and execs, no fork. */
    static final String SETSID = "/usr/bin/setsid";

    /** How a command ended. {@code exitCode} is -1 when it was killed by us. */
    record Ended(int exitCode, boolean timedOut, boolean outputExceeded, int peakTasks, OutputBuffer output,
                 Duration took) {
    }

    private Supervisor() {
    }

    static Ended run(List<String> command, Duration timeout, long outputLimit) {
        long start = System.nanoTime();
        List<String> inOwnSession = new ArrayList<>(command.size() + 1);
        inOwnSession.add(SETSID);
        inOwnSession.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(inOwnSession).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        // Nothing of the bot's environment (tokens, keys) reaches even the launcher.
        builder.environment().clear();
        builder.environment().put("PATH", "/usr/bin:/bin");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new SandboxException("could not start " + command.getFirst(), e);
        }
        OutputBuffer output = new OutputBuffer(HEAD_BYTES, TAIL_BYTES);
        AtomicBoolean exceeded = new AtomicBoolean();
        Thread reader = Thread.ofVirtual().name("sandbox-output").start(() -> pump(process, output, outputLimit,
                exceeded));
        long deadline = start + timeout.toNanos();
        int peak = 0;
        boolean timedOut = false;
        try {
            while (!process.waitFor(Math.min(SAMPLE.toNanos(), Math.max(1, deadline - System.nanoTime())),
                    TimeUnit.NANOSECONDS)) {
                peak = Math.max(peak, tasks(process.toHandle()));
                if (exceeded.get()) {
                    break;
                }
                if (System.nanoTime() >= deadline) {
                    timedOut = true;
                    break;
                }
            }
            if (process.isAlive()) {
                kill(process);
            }
            reader.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new SandboxException("interrupted while a sandbox ran", e);
        }
        int exit = timedOut || exceeded.get() ? -1 : process.exitValue();
        return new Ended(exit, timedOut, exceeded.get(), peak, output, Duration.ofNanos(System.nanoTime() - start));
    }

    private static void pump(Process process, OutputBuffer output, long limit, AtomicBoolean exceeded) {
        byte[] buffer = new byte[8192];
        try (InputStream in = process.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                output.write(buffer, 0, n);
                if (output.total() > limit && !exceeded.getAndSet(true)) {
                    kill(process);
                }
            }
        } catch (IOException e) {
            // The process was killed and its pipe closed: what was read so far is the output.
        }
    }

    /** Kills bwrap (its PID namespace goes with it) and anything still left below it, and waits for them. */
    static void kill(Process process) {
        List<ProcessHandle> below = process.toHandle().descendants().toList();
        process.destroyForcibly();
        below.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Processes and threads below {@code root} right now: what RLIMIT_NPROC counts inside the sandbox. */
    private static int tasks(ProcessHandle root) {
        int tasks = 0;
        try (Stream<ProcessHandle> below = root.descendants()) {
            for (ProcessHandle p : (Iterable<ProcessHandle>) below::iterator) {
                try (Stream<Path> threads = Files.list(Path.of("/proc", Long.toString(p.pid()), "task"))) {
                    tasks += (int) threads.count();
                } catch (IOException | UncheckedIOException e) {
                    // It ended between the listing and the count.
                }
            }
        }
        return tasks;
    }
}
