package dev.aiwizard.storage;

import dev.aiwizard.core.access.ApiTokenStore;
import dev.aiwizard.core.testing.MemoryApiTokenStore;

/** The API token store contract on the core's in-memory fake, so the core's tests rely on what the real store does. */
class MemoryApiTokenStoreTest extends ApiTokenStoreContract {
    @Override
    protected ApiTokenStore openStore() {
        return new MemoryApiTokenStore();
    }
}
