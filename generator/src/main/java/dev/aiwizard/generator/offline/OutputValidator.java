package dev.aiwizard.generator.offline;

import dev.aiwizard.core.job.GeneratedFile;
import dev.aiwizard.core.job.GenerationException;
import dev.aiwizard.core.job.ProjectLimits;
import java.util.List;

/**
 * Checks the generator's own output with the product's rules ({@link ProjectLimits}: safe paths, no git metadata or
 * protected paths, sizes, nothing that looks like a secret) before handing it on, so a template bug or a token
 * pasted into the idea fails here with a clear reason. The job worker checks again with the configured limits.
 */
final class OutputValidator {
    private static final ProjectLimits RULES = ProjectLimits.defaults();

    private OutputValidator() {
    }

    /** Throws a {@link GenerationException} listing every problem found. */
    static void check(List<GeneratedFile> files) {
        List<String> problems = RULES.problems(files);
        if (!problems.isEmpty()) {
            throw new GenerationException("The generated project did not pass the checks: "
                    + String.join("; ", problems) + ". If the idea or spec contains a secret, remove it and generate again.");
        }
    }

    /** Throws when {@code path} is unsafe or protected. */
    static void checkPath(String path) {
        RULES.problems(List.of(new GeneratedFile(path, ""))).stream().findFirst().ifPresent(problem -> {
            throw new GenerationException("Unsafe file path: " + problem + ".");
        });
    }
}
