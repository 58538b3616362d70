package dev.aiwizard.generator.offline;

import dev.aiwizard.core.job.GenerationException;
import dev.aiwizard.core.spec.Spec;
import dev.aiwizard.core.spec.SpecMarkdown;
import dev.aiwizard.generator.stack.StackCatalog;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Plans the files of a Java 21 Maven REST service (Helidon SE, Jackson, JUnit 5) for a spec. */
final class JavaRestProject implements StackProject {
    private static final String GROUP_ID = "com.example";
    private static final Set<String> SHARED_CLASSES = Set.of("Main", "Json", "MainTest", "TestHttp");

    private final Templates templates = new Templates(StackCatalog.JAVA_REST);
    private final JavaRestFragments fragments = new JavaRestFragments(templates);

    @Override
    public List<PlannedFile> plan(Spec spec) {
        List<EntityModel> entities = spec.entities().stream().map(EntityModel::of).toList();
        checkNames(entities);
        String pkg = packageName(spec.name());
        String main = "src/main/java/" + pkg.replace('.', '/') + "/";
        String test = "src/test/java/" + pkg.replace('.', '/') + "/";
        Set<String> flags = TemplateFlags.operations(spec);
        Relations relations = new Relations(entities);
        Map<String, String> project = fragments.project(spec, pkg, entities, relations, flags, e -> TemplateFlags.operations(spec, e));

        List<PlannedFile> files = new ArrayList<>();
        files.add(templates.file("pom.xml", "pom.xml.tmpl", project, flags));
        files.add(templates.file("README.md", "README.md.tmpl", project, flags));
        files.add(templates.file(".gitignore", "gitignore.tmpl", project, flags));
        files.add(new PlannedFile("docs/spec.md", () -> SpecMarkdown.render(spec)));
        files.add(new PlannedFile("docs/api.md", () -> templates.apiDoc(project, entities,
                e -> TemplateFlags.forEntity(TemplateFlags.operations(spec, e), e, relations),
                e -> fragments.entityDoc(e, relations, TemplateFlags.operations(spec, e)))));
        files.add(templates.file(main + "Main.java", "Main.java.tmpl", project, flags));
        files.add(templates.file(main + "Json.java", "Json.java.tmpl", project, flags));
        for (EntityModel e : entities) {
            Set<String> ops = TemplateFlags.operations(spec, e);
            Map<String, String> values = TemplateFlags.merge(project, fragments.entity(e, relations, ops));
            Set<String> entityFlags = TemplateFlags.forEntity(ops, e, relations);
            for (String suffix : List.of("", "Repository", "Json", "Routes")) {
                files.add(templates.file(main + e.java() + suffix + ".java", "Entity" + suffix + ".java.tmpl", values, entityFlags));
            }
        }
        files.add(templates.file("src/test/resources/logging.properties", "test-logging.properties.tmpl", project, flags));
        files.add(templates.file(test + "MainTest.java", "MainTest.java.tmpl", project, flags));
        files.add(templates.file(test + "TestHttp.java", "TestHttp.java.tmpl", project, flags));
        for (EntityModel e : entities) {
            Set<String> ops = TemplateFlags.operations(spec, e);
            Map<String, String> values = TemplateFlags.merge(project, fragments.entity(e, relations, ops));
            Set<String> entityFlags = TemplateFlags.forEntity(ops, e, relations);
            for (String suffix : List.of("Samples", "RepositoryTest", "JsonTest", "RoutesTest")) {
                files.add(templates.file(test + e.java() + suffix + ".java", "Entity" + suffix + ".java.tmpl", values, entityFlags));
            }
        }
        return files;
    }

    /** {@code todo-service} -> {@code com.example.todoservice}; a keyword gets a suffix so the package compiles. */
    static String packageName(String slug) {
        String segment = slug.replace("-", "");
        return GROUP_ID + "." + (JavaNames.isPackageSegment(segment) ? segment : segment + "app");
    }


    /** Two entities whose classes or paths would collide cannot both be generated; say which. */
    private static void checkNames(List<EntityModel> entities) {
        Set<String> classes = new HashSet<>();
        SHARED_CLASSES.forEach(c -> classes.add(c.toLowerCase(Locale.ROOT)));
        Set<String> paths = new HashSet<>();
        for (EntityModel e : entities) {
            for (String c : e.classes()) {
                if (!classes.add(c.toLowerCase(Locale.ROOT))) {
                    throw new GenerationException("The entity " + e.name() + " would need a class " + c
                            + " that another entity or the project already uses; please rename the entity.");
                }
            }
            if (!paths.add(e.path())) {
                throw new GenerationException("Two entities would share the path /" + e.path() + "; please rename one.");
            }
            Set<String> members = new HashSet<>();
            for (EntityModel.FieldModel f : e.fields()) {
                if (!members.add(f.java().toLowerCase(Locale.ROOT))) {
                    throw new GenerationException("The entity " + e.name() + " has fields whose names collide in Java ("
                            + f.json() + "); please rename one.");
                }
            }
        }
    }
}
