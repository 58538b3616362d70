package dev.aiwizard.storage;

import dev.aiwizard.core.coordination.Coordination;
import dev.aiwizard.core.testing.FaultyCoordination;

/** The coordination contract on the core's fault-injecting fake while no fault is set: it works as the real ones. */
class FaultyCoordinationTest extends CoordinationContract {

    @Override
    protected Coordination open() {
        return new FaultyCoordination();
    }
}
