package dev.aiwizard.generator.offline;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.job.GeneratedFile;
import dev.aiwizard.core.job.GenerationException;
import dev.aiwizard.core.job.ProjectLimits;
import java.util.List;

/**
 * Checks the generator's own output with the product's rules ({@link ProjectLimits}: safe paths, no git metadata or
 * protected paths, sizes, nothing that looks like a secret) before handing it on, so a template bug or a token
 * pasted into the idea fails here with a clear reason. The job worker checks the final project again.
 */
final class OutputValidator {
    private final ProjectLimits rules;

    /** Checks with the configured {@code rules}. */
    OutputValidator(ProjectLimits rules) {
        this.rules = requireNonNull(rules, "rules");
    }

    /** Throws a {@link GenerationException} listing every problem found. */
    void check(List<GeneratedFile> files) {
        List<String> problems = rules.problems(files);
        if (!problems.isEmpty()) {
            throw new GenerationException("The generated project did not pass the checks: "
                    + String.join("; ", problems) + ". If the idea or spec contains a secret, remove it and generate again.");
        }
    }

    /** Throws when {@code path} is unsafe or protected. */
    void checkPath(String path) {
        rules.problems(List.of(new GeneratedFile(path, ""))).stream().findFirst().ifPresent(problem -> {
            throw new GenerationException("Unsafe file path: " + problem + ".");
        });
    }
}
