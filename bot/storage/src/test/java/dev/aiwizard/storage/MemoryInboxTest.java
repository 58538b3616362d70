package dev.aiwizard.storage;

import dev.aiwizard.core.chat.Inbox;
import dev.aiwizard.core.testing.MemoryInbox;

/** The inbox contract on the in-memory fake the core's unit tests use: a fake keeps the contract too. */
class MemoryInboxTest extends InboxContract {
    @Override
    protected Inbox openInbox() {
        return new MemoryInbox();
    }
}
