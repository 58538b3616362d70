package dev.aiwizard.generator.offline;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.job.CodeGenerator;
import dev.aiwizard.core.job.GeneratedFile;
import dev.aiwizard.core.job.GeneratedProject;
import dev.aiwizard.core.job.GenerationException;
import dev.aiwizard.core.job.Progress;
import dev.aiwizard.core.job.ProjectLimits;
import dev.aiwizard.core.spec.Spec;
import dev.aiwizard.generator.stack.StackCatalog;
import dev.aiwizard.generator.stack.StackOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@link CodeGenerator} without a model: renders the templates of the spec's built-in stack (java-rest or
 * node-express), so its output is runnable and tested.
 */
public final class OfflineCodeGenerator implements CodeGenerator {
    private final StackCatalog catalog = StackCatalog.builtIn();
    private final Map<String, StackProject> projects = Map.of(
            StackCatalog.JAVA_REST, new JavaRestProject(),
            StackCatalog.NODE_EXPRESS, new NodeExpressProject());
    private final OutputValidator validator;

    /** A generator for the stacks of {@link StackCatalog#builtIn()} whose output keeps within {@code limits}. */
    public OfflineCodeGenerator(ProjectLimits limits) {
        this.validator = new OutputValidator(limits);
    }

    @Override
    public GeneratedProject generate(Spec spec, Progress progress) {
        requireNonNull(spec, "spec");
        requireNonNull(progress, "progress");
        StackOption stack = check(spec);
        List<PlannedFile> plan = projects.get(stack.id()).plan(spec);
        progress.report("planning " + plan.size() + " files");
        List<GeneratedFile> files = new ArrayList<>();
        for (PlannedFile f : plan) {
            progress.report("generating file " + (files.size() + 1) + "/" + plan.size() + ": " + f.path());
            files.add(new GeneratedFile(f.path(), render(f)));
        }
        validator.check(files);
        progress.report("validated " + files.size() + " files");
        return new GeneratedProject(files, stack.testCommand(), "offline:" + stack.id());
    }

    private static String render(PlannedFile f) {
        try {
            return f.content().get();
        } catch (RuntimeException e) {
            // A template bug, not the person's fault; the message still says where it happened.
            throw new GenerationException("The offline generator failed while writing " + f.path() + ".", e);
        }
    }

    /** The stack to build; an incomplete spec or an option no template offers is refused with what to change. */
    private StackOption check(Spec spec) {
        // Only stacks with templates: a catalog entry alone builds nothing.
        String known = String.join(", ", catalog.stacks().stream().map(StackOption::id).filter(projects::containsKey).toList());
        if (spec.stack() == null) {
            throw new GenerationException("The spec names no stack; choose one of: " + known + ".");
        }
        StackOption stack = catalog.find(spec.stack()).filter(s -> projects.containsKey(s.id()))
                .orElseThrow(() -> new GenerationException("The offline generator cannot build the stack '" + spec.stack()
                        + "'; it can build: " + known + "."));
        if (spec.persistence() == null || !stack.persistence().contains(spec.persistence())) {
            throw new GenerationException("The " + stack.id() + " stack keeps data in: " + String.join(", ", stack.persistence())
                    + (spec.persistence() == null ? "; the spec names none." : "; '" + spec.persistence() + "' is not available."));
        }
        if (spec.name() == null) {
            throw new GenerationException("The spec has no project name yet.");
        }
        if (spec.entities().isEmpty()) {
            throw new GenerationException("The spec names no entities, so there is nothing to generate.");
        }
        if (spec.operations().isEmpty()) {
            throw new GenerationException("The spec allows no operations; choose at least one of create, read, list, update, delete.");
        }
        return stack;
    }
}
