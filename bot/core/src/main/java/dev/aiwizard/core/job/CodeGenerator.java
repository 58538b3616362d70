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

    /**
     * Generates the project {@code request} asks for. Engines that spend a budget per person or per conversation
     * override this; the default ignores who asked.
     *
     * @throws GenerationException when the spec cannot be built or a budget is spent
     */
    default GeneratedProject generate(GenerationRequest request, Progress progress) {
        return generate(request.spec(), progress);
    }

    /**
     * Rewrites the files of {@code repair}'s project that its failed tests point at, the rest unchanged; empty when
     * this engine cannot repair (no model). The result's usage is what the repair cost.
     *
     * @throws GenerationException when the repair cannot be made (a budget is spent, the model's answer unusable)
     */
    default java.util.Optional<GeneratedProject> repair(RepairRequest repair, Progress progress) {
        return java.util.Optional.empty();
    }
}
