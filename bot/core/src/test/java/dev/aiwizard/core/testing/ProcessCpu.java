package dev.aiwizard.core.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * CPU time spent by processes of this machine, read from {@code /proc/<pid>/stat} (user + system time, in clock ticks
 * of 10 ms): what a benchmark's load costs in each process, whatever else the machine is doing meanwhile. Processes
 * that exit between two readings take their time with them, so pooled servers (PostgreSQL's backends behind a
 * connection pool, Redis) are measured well and short-lived ones are not.
 */
public final class ProcessCpu {
    private static final double MS_PER_TICK = 10.0;

    private ProcessCpu() {
    }

    /** CPU milliseconds of process {@code pid} so far; 0 once it is gone. */
    public static double ofPid(long pid) {
        return ticks(Path.of("/proc", Long.toString(pid))) * MS_PER_TICK;
    }

    /** CPU milliseconds so far of every process whose command name passes {@code comm}, e.g. PostgreSQL's. */
    public static double ofCommand(Predicate<String> comm) throws IOException {
        long sum = 0;
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                if (comm.test(command(p))) {
                    sum += ticks(p);
                }
            }
        }
        return sum * MS_PER_TICK;
    }

    private static String command(Path proc) {
        try {
            String stat = Files.readString(proc.resolve("stat"));
            return stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        } catch (IOException | RuntimeException gone) {
            return "";
        }
    }

    private static long ticks(Path proc) {
        try {
            String stat = Files.readString(proc.resolve("stat"));
            // Fields after the command name (which may hold spaces): state is the first, utime the 12th, stime the 13th.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }
}
