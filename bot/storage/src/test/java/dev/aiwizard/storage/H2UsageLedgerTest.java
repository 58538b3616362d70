package dev.aiwizard.storage;

import dev.aiwizard.core.job.UsageLedger;
import org.junit.jupiter.api.AfterAll;

/** The usage ledger contract on an embedded H2 file in a temporary directory. */
class H2UsageLedgerTest extends UsageLedgerContract {
    private TestDatabase database;

    @Override
    protected UsageLedger openLedger() {
        database = TestDatabase.h2();
        return database.storage().usageLedger();
    }

    @AfterAll
    void closeTheDatabase() {
        if (database != null) {
            database.close();
        }
    }
}
