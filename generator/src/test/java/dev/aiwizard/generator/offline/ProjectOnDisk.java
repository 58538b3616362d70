package dev.aiwizard.generator.offline;

import dev.aiwizard.core.job.GeneratedFile;
import dev.aiwizard.core.job.GeneratedProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a generated project to disk and reads its test logs, for the ITs that run a project's own tests. */
final class ProjectOnDisk {
    private ProjectOnDisk() {
    }

    static void write(GeneratedProject project, Path root) throws IOException {
        for (GeneratedFile f : project.files()) {
            Path target = root.resolve(f.path());
            Files.createDirectories(target.getParent());
            Files.writeString(target, f.content());
        }
    }

    /** The log's text, or why there is none; for failure messages. */
    static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }
}
