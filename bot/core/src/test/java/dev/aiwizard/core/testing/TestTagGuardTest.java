package dev.aiwizard.core.testing;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

// It starts processes itself: the sample classes run inside this class's own watch.
@SpawnsProcesses
class TestTagGuardTest {

    @Test
    void aClassThatStartsAProcessWithoutItsTagFails() {
        run(Untagged.class).assertThatEvents().haveExactly(1, event(container(Untagged.class),
                finishedWithFailure(message(m -> m.contains("started processes [true] without @SpawnsProcesses")))));
    }

    @Test
    void aClassThatStartsAProcessWithItsTagPasses() {
        run(Tagged.class).assertThatEvents().haveExactly(1, event(container(Tagged.class), finishedSuccessfully()));
    }

    private static Events run(Class<?> sample) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true")
                .selectors(selectClass(sample))
                .execute()
                .containerEvents();
    }

    private static void startTrue() throws IOException, InterruptedException {
        new ProcessBuilder("true").start().waitFor();
    }

    static class Untagged {
        @Test
        void startsAProcess() throws Exception {
            startTrue();
        }
    }

    @SpawnsProcesses
    static class Tagged {
        @Test
        void startsAProcess() throws Exception {
            startTrue();
        }
    }
}
