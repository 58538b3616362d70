package dev.aiwizard.storage;

import dev.aiwizard.core.conversation.ConversationStore;
import dev.aiwizard.core.request.JobRequestLog;
import dev.aiwizard.core.testing.MemoryConversationStore;
import dev.aiwizard.core.testing.MemoryJobRequestLog;

/** The job request log contract on the core's in-memory fake. */
class MemoryJobRequestLogTest extends JobRequestLogContract {
    private final MemoryConversationStore conversations = new MemoryConversationStore();

    @Override
    protected JobRequestLog openLog() {
        return new MemoryJobRequestLog();
    }

    @Override
    protected ConversationStore conversations() {
        return conversations;
    }
}
