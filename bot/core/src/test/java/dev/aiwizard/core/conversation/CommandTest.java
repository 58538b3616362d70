package dev.aiwizard.core.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CommandTest {
    @Test
    void commandWordsAreReadWhateverTheirCase() {
        assertEquals(Command.Kind.GENERATE, Command.parse("  Yes ").kind());
        assertEquals(Command.Kind.SKIP, Command.parse("SKIP").kind());
        assertEquals(Command.Kind.STATUS, Command.parse("status").kind());
    }

    @Test
    void changeCarriesWhatToChange() {
        Command c = Command.parse("change add a due date to Task");
        assertEquals(Command.Kind.CHANGE, c.kind());
        assertEquals("add a due date to Task", c.argument());
    }

    @Test
    void aCommandWordInsideASentenceIsAnAnswer() {
        assertEquals(Command.Kind.TEXT, Command.parse("skip the login page").kind());
        assertEquals(Command.Kind.TEXT, Command.parse("tasks with a status").kind());
    }
}
