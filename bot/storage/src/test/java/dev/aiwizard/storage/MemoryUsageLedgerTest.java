package dev.aiwizard.storage;

import dev.aiwizard.core.job.UsageLedger;
import dev.aiwizard.core.testing.MemoryUsageLedger;

/** The usage ledger contract on the core's in-memory fake, so the tests that use it rely on what the real one does. */
class MemoryUsageLedgerTest extends UsageLedgerContract {
    @Override
    protected UsageLedger openLedger() {
        return new MemoryUsageLedger();
    }
}
