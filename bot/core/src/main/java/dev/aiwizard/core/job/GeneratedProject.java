package dev.aiwizard.core.job;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** What a generator produced: the files, the command that runs the project's tests, and which engine made it. */
public record GeneratedProject(List<GeneratedFile> files, String testCommand, String engine) {
    public GeneratedProject {
        files = List.copyOf(requireNonNull(files, "files"));
        requireNonNull(testCommand, "testCommand");
        requireNonNull(engine, "engine");
    }
}
