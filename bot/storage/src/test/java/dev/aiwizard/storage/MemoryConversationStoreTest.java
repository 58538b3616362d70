package dev.aiwizard.storage;

import dev.aiwizard.core.conversation.ConversationStore;
import dev.aiwizard.core.testing.MemoryConversationStore;

/** The conversation store contract on the core's in-memory fake, so the engine's tests rely on what the real stores do. */
class MemoryConversationStoreTest extends ConversationStoreContract {

    @Override
    protected ConversationStore openStore() {
        return new MemoryConversationStore();
    }
}
