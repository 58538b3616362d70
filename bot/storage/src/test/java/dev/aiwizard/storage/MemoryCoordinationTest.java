package dev.aiwizard.storage;

import dev.aiwizard.core.coordination.Coordination;
import dev.aiwizard.core.testing.MemoryCoordination;

/** The coordination contract on the core's in-memory fake, so the engine's tests rely on what the real ones do. */
class MemoryCoordinationTest extends CoordinationContract {

    @Override
    protected Coordination open() {
        return new MemoryCoordination();
    }
}
