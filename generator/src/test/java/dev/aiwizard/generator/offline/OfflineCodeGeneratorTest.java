package dev.aiwizard.generator.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.core.job.GeneratedFile;
import dev.aiwizard.core.job.GeneratedProject;
import dev.aiwizard.core.job.GenerationException;
import dev.aiwizard.core.spec.Entity;
import dev.aiwizard.core.spec.Field;
import dev.aiwizard.core.spec.FieldType;
import dev.aiwizard.core.spec.Operation;
import dev.aiwizard.core.spec.Spec;
import dev.aiwizard.core.spec.SpecMarkdown;
import dev.aiwizard.core.testing.ShippedSettings;
import dev.aiwizard.generator.stack.StackCatalog;
import dev.aiwizard.generator.stack.StackOption;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class OfflineCodeGeneratorTest {
    private static final OutputValidator VALIDATOR = new OutputValidator(ShippedSettings.projectLimits());

    static final Spec TODO = new Spec("todo-service", "a todo service where people manage tasks",
            List.of(new Entity("Task", List.of(new Field("title", FieldType.TEXT), new Field("done", FieldType.BOOLEAN)))),
            EnumSet.allOf(Operation.class), "java-rest", "in-memory", "local", List.of("Target: local (default)"));

    private final OfflineCodeGenerator generator = new OfflineCodeGenerator(ShippedSettings.projectLimits());

    private Map<String, String> files(Spec spec) {
        return generator.generate(spec, note -> { }).files().stream()
                .collect(Collectors.toMap(GeneratedFile::path, GeneratedFile::content));
    }

    @Test
    void aOneEntitySpecYieldsCodeTestsAndDocs() {
        List<String> paths = generator.generate(TODO, note -> { }).files().stream().map(GeneratedFile::path).toList();

        String main = "src/main/java/com/example/todoservice/";
        String test = "src/test/java/com/example/todoservice/";
        assertEquals(List.of("pom.xml", "README.md", ".gitignore", "docs/spec.md", "docs/api.md",
                main + "Main.java", main + "Json.java", main + "Task.java", main + "TaskRepository.java",
                main + "TaskJson.java", main + "TaskRoutes.java", "src/test/resources/logging.properties",
                test + "MainTest.java", test + "TestHttp.java", test + "TaskSamples.java", test + "TaskRepositoryTest.java",
                test + "TaskJsonTest.java", test + "TaskRoutesTest.java"), paths);
    }

    @Test
    void docsSpecIsExactlyTheRenderedSpec() {
        assertEquals(SpecMarkdown.render(TODO), files(TODO).get("docs/spec.md"));
    }

    @Test
    void theProjectSaysHowToTestItAndWhichEngineMadeIt() {
        GeneratedProject project = generator.generate(TODO, note -> { });

        assertEquals("mvn -B test", project.testCommand());
        assertEquals("offline:java-rest", project.engine());
        String readme = files(TODO).get("README.md");
        assertTrue(readme.contains("mvn -B test") && readme.contains("JDK 21"), readme);
        assertTrue(readme.startsWith("# todo-service\n\na todo service where people manage tasks\n"), readme);
    }

    @Test
    void progressAnnouncesThePlanThenEachFile() {
        List<String> notes = new ArrayList<>();
        int count = generator.generate(TODO, notes::add).files().size();

        assertEquals("planning " + count + " files", notes.getFirst());
        assertEquals("generating file 1/" + count + ": pom.xml", notes.get(1));
        assertEquals("generating file " + count + "/" + count + ": src/test/java/com/example/todoservice/TaskRoutesTest.java",
                notes.get(count));
    }

    @Test
    void onlyTheRequestedOperationsGetEndpoints() {
        Spec readOnly = TODO.withOperations(EnumSet.of(Operation.READ, Operation.LIST));
        Map<String, String> files = files(readOnly);

        String routes = files.get("src/main/java/com/example/todoservice/TaskRoutes.java");
        assertTrue(routes.contains("rules.get(\"/\", this::list);") && routes.contains("rules.get(\"/{id}\", this::read);"), routes);
        assertFalse(routes.contains("rules.post") || routes.contains("rules.put") || routes.contains("rules.delete"), routes);
        String api = files.get("docs/api.md");
        assertTrue(api.contains("GET /tasks/1") && api.contains("GET /tasks\n"), api);
        assertFalse(api.contains("POST /") || api.contains("PUT /") || api.contains("DELETE /"), api);
        assertTrue(files.get("src/main/java/com/example/todoservice/Main.java").contains("tasks.create(new Task(0, \"sample title\", true));"));
        assertTrue(files.get("src/test/java/com/example/todoservice/TaskRoutesTest.java").contains("void creatingIsNotOffered()"));
    }

    @Test
    void everyFieldTypeMapsToItsJavaType() {
        Spec spec = TODO.withEntities(List.of(new Entity("Order", List.of(new Field("note", FieldType.TEXT),
                new Field("quantity", FieldType.INTEGER), new Field("total", FieldType.DECIMAL), new Field("paid", FieldType.BOOLEAN),
                new Field("dueDate", FieldType.DATE), new Field("createdAt", FieldType.TIMESTAMP)))));

        String record = files(spec).get("src/main/java/com/example/todoservice/Order.java");

        for (String component : List.of("long id", "String note", "long quantity", "BigDecimal total", "boolean paid",
                "LocalDate dueDate", "Instant createdAt")) {
            assertTrue(record.contains(component), component + " in\n" + record);
        }
    }

    @Test
    void namesJavaCannotTakeAreChangedInCodeButNotInTheApi() {
        Spec spec = TODO.withEntities(List.of(new Entity("Status", List.of(new Field("class", FieldType.TEXT)))));
        Map<String, String> files = files(spec);

        String record = files.get("src/main/java/com/example/todoservice/StatusEntity.java");
        assertTrue(record.contains("public record StatusEntity(long id, String classValue)"), record);
        assertTrue(files.get("src/main/java/com/example/todoservice/StatusEntityJson.java").contains("Json.text(node, \"class\", problems)"));
        assertTrue(files.get("docs/api.md").contains("POST /statuses"));
    }

    @Test
    void aKeywordProjectNameStillMakesAValidPackage() {
        assertTrue(files(TODO.withName("new")).containsKey("src/main/java/com/example/newapp/Main.java"));
    }

    @Test
    void everyFileHasASafePathAndNoPlaceholderLeft() {
        Spec spec = TODO.withOperations(EnumSet.of(Operation.CREATE, Operation.DELETE))
                .withEntities(List.of(TODO.entities().getFirst(), new Entity("Empty", List.of())));

        for (Map.Entry<String, String> f : files(spec).entrySet()) {
            VALIDATOR.checkPath(f.getKey());
            assertFalse(f.getValue().contains("{{"), f.getKey());
        }
    }

    @Test
    void theBuildPinsItsVersions() {
        String pom = files(TODO).get("pom.xml");

        for (String pin : List.of("<version.helidon>4.1.7</version.helidon>", "<artifactId>helidon-webserver</artifactId>",
                "<artifactId>jackson-databind</artifactId>", "<version.plugin.compiler>3.13.0</version.plugin.compiler>",
                "<version.plugin.surefire>3.5.3</version.plugin.surefire>", "<maven.compiler.release>21</maven.compiler.release>")) {
            assertTrue(pom.contains(pin), pin);
        }
        assertFalse(pom.contains("helidon-http-media-jackson"));
    }

    @Test
    void aStackOrPersistenceNoTemplateOffersIsRefusedWithWhatIsAvailable() {
        GenerationException stack = assertThrows(GenerationException.class, () -> generator.generate(TODO.withStack("rails"), n -> { }));
        GenerationException store = assertThrows(GenerationException.class,
                () -> generator.generate(TODO.withPersistence("postgres"), n -> { }));

        assertEquals("The offline generator cannot build the stack 'rails'; it can build: java-rest, node-express.", stack.getMessage());
        assertEquals("The java-rest stack keeps data in: in-memory; 'postgres' is not available.", store.getMessage());
    }

    @Test
    void everyBuiltInStackIsGeneratedFromItsOwnTemplates() {
        for (StackOption stack : StackCatalog.builtIn().stacks()) {
            GeneratedProject project = generator.generate(TODO.withStack(stack.id()), n -> { });

            assertEquals("offline:" + stack.id(), project.engine());
            assertEquals(stack.testCommand(), project.testCommand());
        }
        assertTrue(files(TODO.withStack("node-express")).containsKey("package.json"));
        assertTrue(files(TODO).containsKey("pom.xml"));
    }

    @Test
    void anIncompleteSpecIsRefused() {
        Function<Spec, String> message = s -> assertThrows(GenerationException.class, () -> generator.generate(s, n -> { })).getMessage();

        assertEquals("The spec has no project name yet.", message.apply(TODO.withName(null)));
        assertEquals("The spec names no entities, so there is nothing to generate.", message.apply(TODO.withEntities(List.of())));
        assertTrue(message.apply(TODO.withOperations(EnumSet.noneOf(Operation.class))).startsWith("The spec allows no operations"));
    }

    @Test
    void aSecretPastedIntoTheIdeaStopsGeneration() {
        Spec leaky = TODO.withPurpose("a todo service, push with ghp_" + "x".repeat(36));

        assertThrows(GenerationException.class, () -> generator.generate(leaky, n -> { }));
    }

    @Test
    void entitiesThatWouldShareClassesAreRefused() {
        Spec clash = TODO.withEntities(List.of(new Entity("Task", List.of()), new Entity("TaskJson", List.of())));

        assertThrows(GenerationException.class, () -> generator.generate(clash, n -> { }));
    }

    /** "make tags read-only" and "the title of task can't be changed" on the todo service. */
    static Spec withReadOnlyParts(Spec spec) {
        Entity task = new Entity("Task", List.of(new Field("title", FieldType.TEXT).withReadOnly(true), new Field("done", FieldType.BOOLEAN)));
        return spec.withEntities(List.of(task, new Entity("Tag", List.of(new Field("name", FieldType.TEXT)), true)));
    }

    @Test
    void aReadOnlyEntityGetsOnlyReadingRoutesAndIsSeededWhileTheOthersKeepEveryOperation() {
        Map<String, String> files = files(withReadOnlyParts(TODO));
        String main = "src/main/java/com/example/todoservice/";

        String tags = files.get(main + "TagRoutes.java");
        assertTrue(tags.contains("rules.get(\"/\", this::list);") && tags.contains("rules.get(\"/{id}\", this::read);"), tags);
        assertFalse(tags.contains("rules.post") || tags.contains("rules.put") || tags.contains("rules.delete"), tags);
        String tasks = files.get(main + "TaskRoutes.java");
        assertTrue(tasks.contains("rules.post") && tasks.contains("rules.put") && tasks.contains("rules.delete"), tasks);
        String server = files.get(main + "Main.java");
        assertTrue(server.contains("tags.create(new Tag(0, \"sample name\"));"), server);
        assertFalse(server.contains("tasks.create("), server);
        assertTrue(files.get("README.md").contains("tags are read-only: clients cannot create, update or delete them"));
        String api = files.get("docs/api.md");
        assertTrue(api.contains("Read-only: clients can read and list tags") && !api.contains("POST /tags"), api);
        assertTrue(files.get("src/test/java/com/example/todoservice/TagRoutesTest.java").contains("void creatingIsNotOffered()"));
    }

    @Test
    void anUpdateThatChangesAReadOnlyFieldIsRefusedWith422AndTheGeneratedTestsTryIt() {
        Map<String, String> files = files(withReadOnlyParts(TODO));

        String routes = files.get("src/main/java/com/example/todoservice/TaskRoutes.java");
        assertTrue(routes.contains("if (!Objects.equals(stored.title(), next.title())) {"), routes);
        assertTrue(routes.contains("Json.error(res, Status.UNPROCESSABLE_CONTENT_422, \"invalid task\", locked);"), routes);
        assertFalse(routes.contains("stored.done()"), "only read-only fields are compared:\n" + routes);
        String tests = files.get("src/test/java/com/example/todoservice/TaskRoutesTest.java");
        assertTrue(tests.contains("void putChangingAReadOnlyFieldIs422AndChangesNothing") && tests.contains("Arguments.of(\"title\", "), tests);
        String samples = files.get("src/test/java/com/example/todoservice/TaskSamples.java");
        String second = samples.substring(samples.indexOf("SECOND_JSON"));
        assertTrue(second.substring(0, second.indexOf("\"\"\";")).contains("sample title"), "the update example keeps the read-only title:\n" + samples);
        assertTrue(files.get("docs/api.md").contains("| title | string, read-only: set on create; an update that changes it is refused (422) |"));
        assertTrue(files.get("docs/spec.md").contains("title (text, read-only)"));
    }
}
