package dev.aiwizard.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.core.Telemetry;
import dev.aiwizard.core.chat.ChatRouter;
import dev.aiwizard.core.chat.Intake;
import dev.aiwizard.core.chat.ThreadQueues;
import dev.aiwizard.core.chat.TurnLimits;
import dev.aiwizard.core.chat.UserRef;
import dev.aiwizard.core.conversation.ChatInbox;
import dev.aiwizard.core.conversation.ConversationService;
import dev.aiwizard.core.conversation.ConversationState;
import dev.aiwizard.core.testing.MemoryConversationStore;
import dev.aiwizard.core.testing.MemoryCoordination;
import dev.aiwizard.core.testing.MemoryInbox;
import dev.aiwizard.core.testing.MemoryJobStore;
import dev.aiwizard.core.testing.ScriptedInterviewer;
import dev.aiwizard.core.testing.ShippedSettings;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConsoleAdapterTest {
    private final MemoryConversationStore store = new MemoryConversationStore();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final ConsoleGateway gateway = new ConsoleGateway(out);
    private final ConversationService service = new ConversationService(store, new MemoryJobStore(),
            new MemoryCoordination(), new ScriptedInterviewer(), new ChatRouter().register(gateway),
            ShippedSettings.conversation(), Clock.systemUTC(), () -> { }, Telemetry.NONE);
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final ChatInbox inbox = new ChatInbox(service, new Intake(new MemoryInbox(), "replica-1",
            Duration.ofSeconds(30), 3, store::eventHandled), new ThreadQueues(executor, new TurnLimits(10, 100),
            "console"), gateway, Clock.systemUTC(), new ChatInbox.Policy(false, false));
    private final List<String> waitedFor = new ArrayList<>();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private String run(String input) throws InterruptedException {
        var adapter = new ConsoleAdapter(inbox, store, gateway, (id, timeout) -> waitedFor.add(id.value()),
                new UserRef("me", "me"), out, Duration.ofSeconds(1));
        adapter.run(new BufferedReader(new StringReader(input)));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aPipedSessionReadsAsATranscriptWithTheBotsLinesMarked() throws InterruptedException {
        String transcript = run("new a todo service\ntodo-service\n");
        assertTrue(transcript.contains("you> new a todo service\n"), transcript);
        assertTrue(transcript.contains("wizard> What should the project be called?"), transcript);
        assertTrue(transcript.contains("wizard>   [1] todo-service  [2] tasks-api"), transcript);
        assertTrue(transcript.contains("wizard> # todo-service"), transcript);
    }

    @Test
    void eachLinesAnswerIsPrintedBeforeTheNextLineIsRead() throws InterruptedException {
        String transcript = run("new a todo service\ntodo-service\nskip\n");

        int question = transcript.indexOf("wizard> What should the project be called?");
        int summary = transcript.indexOf("wizard> # todo-service");
        assertTrue(transcript.indexOf("you> new a todo service") < question
                && question < transcript.indexOf("you> todo-service"), transcript);
        assertTrue(transcript.indexOf("you> todo-service") < summary && summary < transcript.indexOf("you> skip"),
                transcript);
    }

    @Test
    void aNumberAnswersWithTheChoiceItStandsFor() throws InterruptedException {
        run("new a todo service\n2\n");
        var c = store.list(1, 0).getFirst();
        assertEquals("tasks-api", c.spec().name());
        assertEquals(ConversationState.AWAITING_APPROVAL, c.state());
    }

    @Test
    void whenInputEndsItWaitsForTheCurrentConversationsJob() throws InterruptedException {
        run("new a todo service\nskip\n");
        assertEquals(List.of(store.list(1, 0).getFirst().id().value()), waitedFor);
    }

    @Test
    void whenTheJobOutlastsTheWaitItSaysHowLongItWaitedInWordsThatFit() throws InterruptedException {
        var adapter = new ConsoleAdapter(inbox, store, gateway, (id, timeout) -> false, new UserRef("me", "me"), out,
                Duration.ofSeconds(45));
        adapter.run(new BufferedReader(new StringReader("new a todo service\nskip\n")));

        String said = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("is still running after 45 seconds."), said);
    }

    @Test
    void aRestartContinuesTheUnfinishedConversation() throws InterruptedException {
        run("new a todo service\n");
        bytes.reset();
        String second = run("tasks-api\n");
        assertTrue(second.startsWith("wizard> Continuing conversation c-"), second);
        assertEquals("tasks-api", store.list(1, 0).getFirst().spec().name());
    }

    @Test
    void linesBeforeAnyConversationGetTheStartHint() throws InterruptedException {
        String transcript = run("generate\n");
        assertTrue(transcript.contains("wizard> There is no conversation here yet. Start one with `new <idea>`."),
                transcript);
    }
}
