package dev.aiwizard.storage;

import dev.aiwizard.core.StorageException;
import dev.aiwizard.core.WizardException;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;
import io.helidon.dbclient.DbTransaction;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** Runs store work so that every driver or client failure surfaces as one {@link StorageException}. */
final class Sql {
    private Sql() {
    }

    /** Runs {@code work}; {@code action} says what was attempted ("save conversation c-1234") if it fails. */
    static <T> T run(String action, Supplier<T> work) {
        try {
            return work.get();
        } catch (WizardException e) {
            // Already meaningful to callers (a concurrent update, or a failure described below).
            throw e;
        } catch (RuntimeException e) {
            throw new StorageException("Could not " + action + ": " + why(e), e);
        }
    }

    /**
     * What went wrong, in words an operator can act on: a database that is down or stalls is named as such, since
     * the driver's own words for it ("Read timed out", "An I/O error occurred") do not say it was the database.
     */
    static String why(Throwable e) {
        String root = Secrets.rootMessage(e);
        boolean unreachable = false;
        boolean timedOut = false;
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            timedOut |= t instanceof SocketTimeoutException || t instanceof SQLTransientConnectionException;
            unreachable |= t instanceof ConnectException
                    || t instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("08");
        }
        if (timedOut && !(unreachable && root.contains("refused"))) {
            return "the database did not answer within the timeouts (" + root + "); see WIZARD_DB_*_TIMEOUT_SECONDS";
        }
        if (unreachable) {
            return "the database cannot be reached (" + root + ")";
        }
        return root;
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    static <T> T inTransaction(DbClient db, String action, Function<DbTransaction, T> work) {
        return run(action, () -> {
            DbTransaction tx = db.transaction();
            T result;
            try {
                result = work.apply(tx);
            } catch (RuntimeException | Error e) {
                rollback(tx, e);
                throw e;
            }
            tx.commit();
            return result;
        });
    }

    /** Every row of {@code rows} read as {@code type}, closing the result set. */
    static <T> List<T> all(Stream<DbRow> rows, Class<T> type) {
        try (rows) {
            return rows.map(row -> row.as(type)).toList();
        }
    }

    /** Whether {@code e} reports a row whose key is taken (SQLState 23505 on PostgreSQL and on H2). */
    static boolean isDuplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && "23505".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static void rollback(DbTransaction tx, Throwable cause) {
        try {
            tx.rollback();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }
}
