package dev.aiwizard.core.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ModelChoiceTest {
    @Test
    void aModelOptionIsTakenOutOfTheIdea() {
        assertEquals(new ModelChoice("a todo api with tasks", "gpt-4.1"), ModelChoice.read("a todo api model=gpt-4.1 with tasks"));
        assertEquals(new ModelChoice("a todo api", "llama3.1:8b"), ModelChoice.read("model=llama3.1:8b a todo api"));
        assertEquals(new ModelChoice("a todo api", "b"), ModelChoice.read("a todo api model=a model=b"));
    }

    @Test
    void withoutAValidOptionTheIdeaStaysAsItIs() {
        assertEquals(new ModelChoice("a todo api", null), ModelChoice.read("a todo api"));
        assertEquals(new ModelChoice("a data model=>entities map", null), ModelChoice.read("a data model=>entities map"));
        assertEquals(new ModelChoice("remodel=kitchen planner", null), ModelChoice.read("remodel=kitchen planner"));
    }
}
