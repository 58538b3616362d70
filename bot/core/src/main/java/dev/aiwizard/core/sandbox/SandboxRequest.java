package dev.aiwizard.core.sandbox;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * One validation: the project's files in {@code project} (read, never changed: the sandbox works on a copy), the
 * stack whose plan says what to run (never a command from a model), and the limits.
 */
public record SandboxRequest(Path project, String stack, SandboxLimits limits) {
    public SandboxRequest {
        requireNonNull(project, "project");
        requireNonNull(stack, "stack");
        requireNonNull(limits, "limits");
        if (stack.isBlank()) {
            throw new IllegalArgumentException("a sandbox run needs a stack");
        }
    }
}
