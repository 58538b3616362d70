package dev.aiwizard.storage;

import dev.aiwizard.core.conversation.ConversationStore;
import dev.aiwizard.core.job.JobStore;
import dev.aiwizard.core.testing.MemoryConversationStore;
import dev.aiwizard.core.testing.MemoryJobStore;

/** The job store contract on the core's in-memory fake, so the engine's tests rely on what the real stores do. */
class MemoryJobStoreTest extends JobStoreContract {
    private final MemoryConversationStore conversations = new MemoryConversationStore();

    @Override
    protected JobStore openStore() {
        return new MemoryJobStore();
    }

    @Override
    protected ConversationStore conversations() {
        return conversations;
    }
}
