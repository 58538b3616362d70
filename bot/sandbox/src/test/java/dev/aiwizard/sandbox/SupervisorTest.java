package dev.aiwizard.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.aiwizard.core.testing.SpawnsProcesses;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

@SpawnsProcesses
class SupervisorTest {
    /**
     * Ctrl-C in the terminal (SIGINT) and a SIGTERM sent to the bot's process group reach every process of that
     * group. A sandbox in the bot's group died of them before the bot's own shutdown could hand its job back, and the
     * job then reported the killed run as failing tests. Sandboxes run in a session of their own; the bot stops them.
     */
    @Test
    void aSandboxRunsInItsOwnSessionAndProcessGroupSoSignalsToTheBotsGroupDoNotReachIt() throws IOException {
        Supervisor.Ended ended = Supervisor.run(List.of("/bin/sh", "-c", "cat /proc/$$/stat"), Duration.ofSeconds(20),
                64 * 1024);

        assertEquals(0, ended.exitCode(), ended.output().head());
        String[] sandbox = fields(ended.output().head());
        String[] bot = fields(Files.readString(Path.of("/proc/self/stat"), StandardCharsets.US_ASCII));
        assertNotEquals(bot[PGRP], sandbox[PGRP], "process group");
        assertNotEquals(bot[SESSION], sandbox[SESSION], "session");
        assertEquals(sandbox[PID], sandbox[SESSION], "the sandbox's first process leads its own session");
    }

    private static final int PID = 0;
    private static final int PGRP = 3;
    private static final int SESSION = 4;

    /** The fields of a /proc/PID/stat line after the command name (which may hold spaces), with the pid first. */
    private static String[] fields(String stat) {
        String line = stat.strip();
        String pid = line.substring(0, line.indexOf(' '));
        String[] rest = line.substring(line.lastIndexOf(')') + 2).split(" ");
        String[] all = new String[rest.length + 1];
        all[0] = pid;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
