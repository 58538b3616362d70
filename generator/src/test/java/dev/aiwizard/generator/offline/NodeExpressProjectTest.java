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
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class NodeExpressProjectTest {
    private static final OutputValidator VALIDATOR = new OutputValidator(ShippedSettings.projectLimits());

    static final Spec TODO = OfflineCodeGeneratorTest.TODO.withStack("node-express");

    private final OfflineCodeGenerator generator = new OfflineCodeGenerator(ShippedSettings.projectLimits());

    private Map<String, String> files(Spec spec) {
        return generator.generate(spec, note -> { }).files().stream()
                .collect(Collectors.toMap(GeneratedFile::path, GeneratedFile::content));
    }

    @Test
    void aOneEntitySpecYieldsSourcesTestsAndDocs() {
        List<String> paths = generator.generate(TODO, note -> { }).files().stream().map(GeneratedFile::path).toList();

        assertEquals(List.of("package.json", "README.md", ".gitignore", "docs/spec.md", "docs/api.md",
                "src/server.js", "src/app.js", "src/http.js", "src/validation.js",
                "src/tasks/repository.js", "src/tasks/validate.js", "src/tasks/routes.js",
                "test/validation.test.js", "test/app.test.js", "test/server.test.js",
                "test/tasks/repository.test.js", "test/tasks/validate.test.js", "test/tasks/routes.test.js"), paths);
    }

    @Test
    void theProjectSaysHowToTestItAndWhichEngineMadeIt() {
        GeneratedProject project = generator.generate(TODO, note -> { });

        assertEquals("npm install && npm test", project.testCommand());
        assertEquals("offline:node-express", project.engine());
        String readme = files(TODO).get("README.md");
        assertTrue(readme.startsWith("# todo-service\n\na todo service where people manage tasks\n"), readme);
        assertTrue(readme.contains("npm install && npm test") && readme.contains("Node.js 20 or newer"), readme);
    }

    @Test
    void packageJsonIsAnEsModuleOnNode20WithExpress5AndTheBuiltInTestRunner() {
        String pkg = files(TODO.withPurpose("tasks \"with\" quotes\nand a line")).get("package.json");

        for (String line : List.of("\"name\": \"todo-service\"", "\"type\": \"module\"", "\"node\": \">=20\"",
                "\"start\": \"node src/server.js\"", "\"test\": \"node --test\"", "\"express\": \"^5.3.0\"",
                "\"description\": \"tasks \\\"with\\\" quotes\\nand a line\"", "\"private\": true")) {
            assertTrue(pkg.contains(line), line + " in\n" + pkg);
        }
        assertFalse(pkg.contains("devDependencies"), pkg);
    }

    @Test
    void docsSpecIsExactlyTheRenderedSpecAndNodeModulesAreIgnored() {
        Map<String, String> files = files(TODO);

        assertEquals(SpecMarkdown.render(TODO), files.get("docs/spec.md"));
        assertTrue(files.get(".gitignore").startsWith("node_modules/\n"));
    }

    @Test
    void progressAnnouncesThePlanThenEachFile() {
        List<String> notes = new ArrayList<>();
        int count = generator.generate(TODO, notes::add).files().size();

        assertEquals("planning " + count + " files", notes.getFirst());
        assertEquals("generating file 1/" + count + ": package.json", notes.get(1));
        assertEquals("generating file " + count + "/" + count + ": test/tasks/routes.test.js", notes.get(count));
        assertEquals("validated " + count + " files", notes.getLast());
    }

    @Test
    void theAppMountsOneRouterPerEntityUnderItsPluralPath() {
        Spec spec = TODO.withEntities(List.of(TODO.entities().getFirst(), new Entity("TodoItem", List.of(new Field("dueDate", FieldType.DATE)))));
        Map<String, String> files = files(spec);

        String app = files.get("src/app.js");
        assertTrue(app.contains("app.use('/tasks', taskRoutes(repositories.tasks));"), app);
        assertTrue(app.contains("app.use('/todo-items', todoItemRoutes(repositories.todoItems));"), app);
        assertTrue(app.contains("import { TodoItemRepository } from './todo-items/repository.js';"), app);
        assertTrue(app.contains("todoItems: new TodoItemRepository(),"), app);
        assertTrue(files.get("src/todo-items/routes.js").contains("export function todoItemRoutes(repository)"));
    }

    @Test
    void onlyTheRequestedOperationsGetRoutesAndWithoutCreateTheServerSeedsAnExample() {
        Map<String, String> files = files(TODO.withOperations(EnumSet.of(Operation.READ, Operation.LIST)));

        String routes = files.get("src/tasks/routes.js");
        assertTrue(routes.contains("router.get('/', ") && routes.contains("router.get('/:id', "), routes);
        assertFalse(routes.contains("router.post") || routes.contains("router.put") || routes.contains("router.delete"), routes);
        assertFalse(routes.contains("validateTask"), "no body is read, so the validator is not imported:\n" + routes);
        String api = files.get("docs/api.md");
        assertTrue(api.contains("GET /tasks/1") && api.contains("GET /tasks\n"), api);
        assertFalse(api.contains("POST /") || api.contains("PUT /") || api.contains("DELETE /"), api);
        assertTrue(files.get("src/server.js").contains("repositories.tasks.create({ title: 'sample title', done: true });"));
        String tests = files.get("test/tasks/routes.test.js");
        assertTrue(tests.contains("test('creating is not offered'") && tests.contains("test('updating is not offered'"), tests);
        assertTrue(files.get("test/server.test.js").contains("what clients cannot create starts with one example of each"));
    }

    @Test
    void aListOnlyApiImportsNothingItDoesNotUse() {
        String routes = files(TODO.withOperations(EnumSet.of(Operation.LIST))).get("src/tasks/routes.js");

        assertTrue(routes.startsWith("import { Router } from 'express';\n\n/**"), routes);
        assertFalse(routes.contains("function notFound"), routes);
    }

    @Test
    void everyFieldTypeGetsItsCheck() {
        Spec spec = TODO.withEntities(List.of(new Entity("Order", List.of(new Field("note", FieldType.TEXT),
                new Field("quantity", FieldType.INTEGER), new Field("total", FieldType.DECIMAL), new Field("paid", FieldType.BOOLEAN),
                new Field("dueDate", FieldType.DATE), new Field("createdAt", FieldType.TIMESTAMP)))));

        String validate = files(spec).get("src/orders/validate.js");

        assertTrue(validate.startsWith("import { checkBody, boolean, date, decimal, integer, text, timestamp } from '../validation.js';"),
                validate);
        assertTrue(validate.contains("""
                export const FIELDS = {
                  note: text,
                  quantity: integer,
                  total: decimal,
                  paid: boolean,
                  dueDate: date,
                  createdAt: timestamp,
                };"""), validate);
    }

    @Test
    void namesJavaScriptAllowsAsPropertiesAreKeptAsTheyAre() {
        Spec spec = TODO.withEntities(List.of(new Entity("Status", List.of(new Field("class", FieldType.TEXT),
                new Field("constructor", FieldType.TEXT)))));
        Map<String, String> files = files(spec);

        assertTrue(files.get("src/statuses/repository.js").contains("export class StatusRepository {"));
        assertTrue(files.get("src/statuses/validate.js").contains("  class: text,\n  constructor: text,\n"));
        assertTrue(files.get("test/statuses/validate.test.js").contains("const FIRST = { class: 'sample class', constructor: 'sample constructor' };"));
    }

    @Test
    void anEntityWithoutFieldsStillGetsAWorkingValidator() {
        Map<String, String> files = files(TODO.withEntities(List.of(new Entity("Tag", List.of()))));

        assertTrue(files.get("src/tags/validate.js").contains("import { checkBody } from '../validation.js';"));
        assertTrue(files.get("src/tags/validate.js").contains("export const FIELDS = {};"));
        assertTrue(files.get("test/tags/validate.test.js").contains("test('has no fields to send'"));
    }

    @Test
    void everyFileHasASafePathAndNoPlaceholderLeft() {
        Spec spec = TODO.withOperations(EnumSet.of(Operation.UPDATE, Operation.DELETE))
                .withEntities(List.of(TODO.entities().getFirst(), new Entity("Empty", List.of())));

        for (Map.Entry<String, String> f : files(spec).entrySet()) {
            VALIDATOR.checkPath(f.getKey());
            assertFalse(f.getValue().contains("{{"), f.getKey());
        }
    }

    @Test
    void entitiesThatWouldShareAPathAreRefused() {
        Spec clash = TODO.withEntities(List.of(new Entity("Todo", List.of()), new Entity("TODO", List.of())));

        GenerationException e = assertThrows(GenerationException.class, () -> generator.generate(clash, n -> { }));
        assertTrue(e.getMessage().startsWith("Two entities would share the path /"), e.getMessage());
    }

    @Test
    void objectLiteralsStayOnOneLineUntilTheyGetLong() {
        assertEquals("{}", NodeExpressFragments.object(List.of(), 0));
        assertEquals("{ a: 1, b: 'x' }", NodeExpressFragments.object(List.of("a: 1", "b: 'x'"), 0));
        List<String> many = List.of("first: 'aaaaaaaaaaaaaaaaaaaa'", "second: 'bbbbbbbbbbbbbbbbbbbb'", "third: 'cccccccccccccccccccc'");
        assertEquals("{\n    first: 'aaaaaaaaaaaaaaaaaaaa',\n    second: 'bbbbbbbbbbbbbbbbbbbb',\n    third: 'cccccccccccccccccccc',\n  }",
                NodeExpressFragments.object(many, 2));
    }

    @Test
    void pathsBecomeCamelCaseKeysAndTextBecomesAJsonString() {
        assertEquals("todoItems", NodeExpressFragments.camel("todo-items"));
        assertEquals("tasks", NodeExpressFragments.camel("tasks"));
        assertEquals("\"a \\\"b\\\" \\\\ c\\n\\u0001\"", NodeExpressFragments.jsonString("a \"b\" \\ c\n\u0001"));
    }

    @Test
    void aReadOnlyEntityIsSeededAndAReadOnlyFieldIsComparedOnUpdate() {
        Map<String, String> files = files(OfflineCodeGeneratorTest.withReadOnlyParts(TODO));

        String tags = files.get("src/tags/routes.js");
        assertFalse(tags.contains("router.post") || tags.contains("router.put") || tags.contains("router.delete"), tags);
        assertTrue(files.get("src/tasks/routes.js").contains("router.post"));
        String server = files.get("src/server.js");
        assertTrue(server.contains("repositories.tags.create({ name: 'sample name' });") && !server.contains("repositories.tasks"), server);
        String tasks = files.get("src/tasks/routes.js");
        assertTrue(tasks.contains("const locked = ['title'].filter((name) => input.value[name] !== stored[name]);"), tasks);
        String tests = files.get("test/tasks/routes.test.js");
        assertTrue(tests.contains("PUT changing the read-only ${name} is 422 and changes nothing"), tests);
        assertTrue(files.get("test/server.test.js").contains("for (const path of ['/tags'])"));
    }
}
