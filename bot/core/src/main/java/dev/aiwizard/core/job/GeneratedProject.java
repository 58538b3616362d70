package dev.aiwizard.core.job;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What a generator produced: the files, the command that runs the project's tests, which engine made it, what the
 * person should know about how it was made ({@code notes}: a fallback, files kept from the template, a cache hit)
 * and the model usage it cost.
 */
public record GeneratedProject(List<GeneratedFile> files, String testCommand, String engine, List<String> notes,
                               ModelUsage usage) {
    public GeneratedProject {
        files = List.copyOf(requireNonNull(files, "files"));
        requireNonNull(testCommand, "testCommand");
        requireNonNull(engine, "engine");
        notes = notes == null ? List.of() : List.copyOf(notes);
        requireNonNull(usage, "usage");
    }

    /** A project made without a model and with nothing to point out. */
    public GeneratedProject(List<GeneratedFile> files, String testCommand, String engine) {
        this(files, testCommand, engine, List.of(), ModelUsage.NONE);
    }

    /** The same project with {@code note} added. */
    public GeneratedProject withNote(String note) {
        List<String> more = new java.util.ArrayList<>(notes);
        more.add(note);
        return new GeneratedProject(files, testCommand, engine, more, usage);
    }
}
