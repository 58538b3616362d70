package dev.aiwizard.core.job;

import dev.aiwizard.core.spec.Spec;

/** Port: produces a complete project (code, tests, docs) from an approved spec. */
public interface CodeGenerator {
    /**
     * Generates the project for {@code spec}, reporting progress as it goes.
     *
     * @throws GenerationException when the spec cannot be built (e.g. an unsupported stack)
     */
    GeneratedProject generate(Spec spec, Progress progress);
}
