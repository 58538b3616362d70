package dev.aiwizard.core.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.core.spec.Placement;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestOptionsTest {
    @Test
    void aModelOptionIsTakenOutOfTheIdea() {
        assertEquals("a todo api with tasks", RequestOptions.read("a todo api model=gpt-4.1 with tasks").idea());
        assertEquals("gpt-4.1", RequestOptions.read("a todo api model=gpt-4.1 with tasks").model());
        assertEquals("llama3.1:8b", RequestOptions.read("model=llama3.1:8b a todo api").model());
        assertEquals("b", RequestOptions.read("a todo api model=a model=b").model());
    }

    @Test
    void withoutAValidOptionTheIdeaStaysAsItIs() {
        assertEquals(new RequestOptions("a todo api", null, null, null, null, List.of(), null),
                RequestOptions.read("a todo api"));
        assertEquals("a data model=>entities map", RequestOptions.read("a data model=>entities map").idea());
        assertEquals("remodel=kitchen planner", RequestOptions.read("remodel=kitchen planner").idea());
        assertNull(RequestOptions.read("a data model=>entities map").model());
    }

    @Test
    void repoBranchAndPathSayWhereTheProjectGoes() {
        RequestOptions o = RequestOptions.read("a todo api repo=acme/todo-service branch=develop path=services/todo/");
        assertEquals("a todo api", o.idea());
        assertEquals("acme/todo-service", o.repo());
        assertEquals(new Placement("develop", "services/todo"), o.placement());
        assertTrue(o.problems().isEmpty());
        assertEquals("https://git.example.com/team/x.git",
                RequestOptions.read("x repo=https://git.example.com/team/x.git").repo());
    }

    @Test
    void badPlacesAreTakenOutAndExplained() {
        RequestOptions o = RequestOptions.read("a todo api repo=../etc branch=-f path=../../x path=a/t*do");
        assertEquals("a todo api", o.idea());
        assertNull(o.repo());
        assertEquals(Placement.DEFAULT, o.placement());
        assertEquals(4, o.problems().size(), o.problems().toString());
        assertTrue(RequestOptions.read("x branch=main..evil").problems().get(0).contains("not a branch name"));
        assertTrue(RequestOptions.read("x branch=a@{1}").problems().get(0).contains("not a branch name"));
        assertNull(o.refusal(), "a malformed folder is only ignored");
    }

    @Test
    void aProtectedFolderRefusesTheRequestInsteadOfBeingIgnored() {
        for (String path : List.of(".github/workflows", ".github", "a/../.github", ".git", ".gitmodules",
                ".GitHub", "\\.github\\workflows", "/.github", "./.github/workflows")) {
            RequestOptions o = RequestOptions.read("a todo api path=" + path);

            assertEquals(Placement.DEFAULT, o.placement(), path);
            assertTrue(o.refusal() != null && o.refusal().startsWith("I can't put the project in `" + path + "`")
                    && o.refusal().contains("protected location"), path + ": " + o.refusal());
        }
    }

    @Test
    void aFolderIsUsedAsItEndsUpAfterNormalisation() {
        assertEquals(new Placement(null, "services/todo"), RequestOptions.read("x path=./services/todo").placement());
        assertEquals(new Placement(null, "services/todo"), RequestOptions.read("x path=/services//todo/").placement());
        assertEquals(new Placement(null, "todo"), RequestOptions.read("x path=services/../todo").placement());
        assertEquals(new Placement(null, "services/todo"), RequestOptions.read("x path=services\\todo").placement());
    }
}
