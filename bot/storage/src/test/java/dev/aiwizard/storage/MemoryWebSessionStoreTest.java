package dev.aiwizard.storage;

import dev.aiwizard.core.access.WebSessionStore;
import dev.aiwizard.core.testing.MemoryWebSessionStore;

/** The web session store contract on the core's in-memory fake, so the web's tests rely on what the real store does. */
class MemoryWebSessionStoreTest extends WebSessionStoreContract {
    @Override
    protected WebSessionStore openStore() {
        return new MemoryWebSessionStore();
    }
}
