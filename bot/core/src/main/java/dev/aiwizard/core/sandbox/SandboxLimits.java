package dev.aiwizard.core.sandbox;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * What one step of a sandbox run may use: wall-clock time (then the whole process tree is killed), memory and CPU
 * time (per process), processes and threads together, and bytes written to standard output and error.
 */
public record SandboxLimits(Duration timeout, long memoryBytes, Duration cpuTime, int maxProcesses, long outputBytes) {
    public SandboxLimits {
        requireNonNull(timeout, "timeout");
        requireNonNull(cpuTime, "cpuTime");
        if (timeout.toMillis() < 100) {
            throw new IllegalArgumentException("the sandbox timeout must be at least 100 ms, was " + timeout);
        }
        if (cpuTime.toSeconds() < 1) {
            throw new IllegalArgumentException("the sandbox CPU time must be at least 1 s, was " + cpuTime);
        }
        if (memoryBytes < 64L << 20) {
            throw new IllegalArgumentException("the sandbox memory must be at least 64 MiB, was " + memoryBytes);
        }
        if (maxProcesses < 8) {
            throw new IllegalArgumentException("the sandbox needs at least 8 processes, was " + maxProcesses);
        }
        if (outputBytes < 1024) {
            throw new IllegalArgumentException("the sandbox output limit must be at least 1 KiB, was " + outputBytes);
        }
    }

    /** The same with another wall-clock timeout. */
    public SandboxLimits withTimeout(Duration other) {
        return new SandboxLimits(other, memoryBytes, cpuTime, maxProcesses, outputBytes);
    }

    /** The same with another memory limit per process. */
    public SandboxLimits withMemoryBytes(long other) {
        return new SandboxLimits(timeout, other, cpuTime, maxProcesses, outputBytes);
    }

    /** The same with another CPU time per process. */
    public SandboxLimits withCpuTime(Duration other) {
        return new SandboxLimits(timeout, memoryBytes, other, maxProcesses, outputBytes);
    }

    /** The same with another bound on processes and threads. */
    public SandboxLimits withMaxProcesses(int other) {
        return new SandboxLimits(timeout, memoryBytes, cpuTime, other, outputBytes);
    }

    /** The same with another output limit. */
    public SandboxLimits withOutputBytes(long other) {
        return new SandboxLimits(timeout, memoryBytes, cpuTime, maxProcesses, other);
    }
}
