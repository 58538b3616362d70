package dev.aiwizard.storage;

import dev.aiwizard.core.coordination.Coordination;
import dev.aiwizard.core.coordination.InProcessCoordination;

/** The coordination contract on the single-node, in-memory implementation. */
class InProcessCoordinationTest extends CoordinationContract {

    @Override
    protected Coordination open() {
        return new InProcessCoordination();
    }
}
