package dev.aiwizard.core.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.core.chat.ThreadRef;
import dev.aiwizard.core.chat.UserRef;
import dev.aiwizard.core.conversation.Conversation;
import dev.aiwizard.core.conversation.ConversationId;
import dev.aiwizard.core.spec.Spec;
import dev.aiwizard.core.testing.MemoryConversationStore;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordingPublisherTest {
    private final MemoryConversationStore store = new MemoryConversationStore();
    private final Conversation conversation = Conversation.start(ConversationId.random(),
            new ThreadRef("test", "general", "t1"), new UserRef("u-alice", "alice"), "a todo service", Instant.now());

    private PublishRequest request() {
        return new PublishRequest(conversation.id(), Spec.empty().withName("todo-service"), null,
                List.of(new GeneratedFile("README.md", "# todo\n")), "Generate todo-service");
    }

    @Test
    void aPullRequestTheDeliveryOpenedIsRecordedForItsConversation() {
        store.create(conversation, List.of());
        Publisher gitHub = (r, fence) -> new PublishResult("wizard/todo-service-1", "abc1234", "https://x/acme/todo.git")
                .withPullRequest("acme/todo", 3, "https://github.example/acme/todo/pull/3");

        PublishResult result = new RecordingPublisher(gitHub, store).publish(request());

        assertEquals(3, result.pullRequest());
        assertEquals(conversation.id(), store.findByPullRequest("acme/todo", 3).orElseThrow().id());
        assertTrue(store.findByPullRequest("acme/todo", 4).isEmpty());
    }
}
