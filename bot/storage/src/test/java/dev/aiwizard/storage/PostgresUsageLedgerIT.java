package dev.aiwizard.storage;

import dev.aiwizard.core.job.UsageLedger;
import dev.aiwizard.core.testing.NeedsServices;
import org.junit.jupiter.api.AfterAll;

/** The usage ledger contract on a fresh schema of the test PostgreSQL, dropped afterwards. */
@NeedsServices
class PostgresUsageLedgerIT extends UsageLedgerContract {
    private TestDatabase database;

    @Override
    protected UsageLedger openLedger() {
        database = TestDatabase.postgres();
        return database.storage().usageLedger();
    }

    @AfterAll
    void closeTheDatabase() {
        if (database != null) {
            database.close();
        }
    }
}
