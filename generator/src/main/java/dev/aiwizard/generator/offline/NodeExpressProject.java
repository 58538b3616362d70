package dev.aiwizard.generator.offline;

import dev.aiwizard.core.job.GenerationException;
import dev.aiwizard.core.spec.Spec;
import dev.aiwizard.core.spec.SpecMarkdown;
import dev.aiwizard.generator.stack.StackCatalog;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Plans the files of a Node.js 20+ REST service (Express 5, tests on {@code node:test}) for a spec. */
final class NodeExpressProject implements StackProject {
    private final Templates templates = new Templates(StackCatalog.NODE_EXPRESS);
    private final NodeExpressFragments fragments = new NodeExpressFragments(templates);

    @Override
    public List<PlannedFile> plan(Spec spec) {
        List<EntityModel> entities = spec.entities().stream().map(EntityModel::of).toList();
        checkPaths(entities);
        Set<String> flags = TemplateFlags.operations(spec);
        Relations relations = new Relations(entities);
        Map<String, String> project = fragments.project(spec, entities, relations, flags, e -> TemplateFlags.operations(spec, e));

        List<PlannedFile> files = new ArrayList<>();
        files.add(templates.file("package.json", "package.json.tmpl", project, flags));
        files.add(templates.file("README.md", "README.md.tmpl", project, flags));
        files.add(templates.file(".gitignore", "gitignore.tmpl", project, flags));
        files.add(new PlannedFile("docs/spec.md", () -> SpecMarkdown.render(spec)));
        files.add(new PlannedFile("docs/api.md", () -> templates.apiDoc(project, entities,
                e -> TemplateFlags.forEntity(TemplateFlags.operations(spec, e), e, relations), e -> fragments.entityDoc(e, relations))));
        for (String shared : List.of("server", "app", "http", "validation")) {
            files.add(templates.file("src/" + shared + ".js", shared + ".js.tmpl", project, flags));
        }
        for (EntityModel e : entities) {
            Set<String> ops = TemplateFlags.operations(spec, e);
            Map<String, String> values = TemplateFlags.merge(project, fragments.entity(e, relations, ops));
            for (String part : List.of("repository", "validate", "routes")) {
                files.add(templates.file("src/" + e.path() + "/" + part + ".js", part + ".js.tmpl", values,
                        TemplateFlags.forEntity(ops, e, relations)));
            }
        }
        for (String shared : List.of("validation", "app", "server")) {
            files.add(templates.file("test/" + shared + ".test.js", shared + ".test.js.tmpl", project, flags));
        }
        for (EntityModel e : entities) {
            Set<String> ops = TemplateFlags.operations(spec, e);
            Map<String, String> values = TemplateFlags.merge(project, fragments.entity(e, relations, ops));
            for (String part : List.of("repository", "validate", "routes")) {
                files.add(templates.file("test/" + e.path() + "/" + part + ".test.js", part + ".test.js.tmpl", values,
                        TemplateFlags.forEntity(ops, e, relations)));
            }
        }
        return files;
    }


    /**
     * Each entity gets a folder and a URL path named by its plural, and JavaScript identifiers that always carry a
     * prefix or suffix ({@code TaskRepository}, {@code validateTask}), so only a shared path can collide. Reserved
     * words need no renaming: fields are only ever property names, which JavaScript allows to be keywords.
     */
    private static void checkPaths(List<EntityModel> entities) {
        Set<String> paths = new HashSet<>();
        for (EntityModel e : entities) {
            if (!paths.add(e.path())) {
                throw new GenerationException("Two entities would share the path /" + e.path() + "; please rename one.");
            }
        }
    }
}
