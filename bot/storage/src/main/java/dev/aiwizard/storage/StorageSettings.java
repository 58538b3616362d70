package dev.aiwizard.storage;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the database is: a JDBC URL ({@code jdbc:postgresql:} or {@code jdbc:h2:}), the login, the size of the
 * connection pool and how long any call may wait on the database. A PostgreSQL URL may name a schema with
 * {@code currentSchema}; it is created when missing.
 */
public record StorageSettings(String url, String user, String password, int poolSize, Timeouts timeouts) {
    /** The flags the stores rely on in H2: PostgreSQL syntax, lower-case names, NULLs sorted as PostgreSQL does. */
    static final String H2_FLAGS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    private static final int EMBEDDED_POOL_SIZE = 8;

    public StorageSettings {
        requireNonNull(url, "url");
        requireNonNull(timeouts, "timeouts");
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        if (!url.startsWith("jdbc:postgresql:") && !url.startsWith("jdbc:h2:")) {
            throw new IllegalArgumentException("the database URL must start with jdbc:postgresql: or jdbc:h2:, not "
                    + DatabaseUrl.redact(url));
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1, not " + poolSize);
        }
    }

    /** An H2 database in the file {@code dataDir/wizard.mv.db}, for a single node that needs no database server. */
    public static StorageSettings embedded(Path dataDir, Timeouts timeouts) {
        requireNonNull(dataDir, "dataDir");
        // H2 refuses paths that are only implicitly relative, so the file is named by its absolute path.
        Path file = dataDir.toAbsolutePath().normalize().resolve("wizard");
        // Closed by the bot, last, not by H2's own shutdown hook, which may run while the bot still drains turns.
        return new StorageSettings("jdbc:h2:file:" + file + H2_FLAGS + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "",
                EMBEDDED_POOL_SIZE, timeouts);
    }

    /** Never shows the password, so settings can be logged. */
    @Override
    public String toString() {
        return "StorageSettings[url=" + DatabaseUrl.redact(url) + ", user=" + user + ", password="
                + (password.isEmpty() ? "" : "***") + ", poolSize=" + poolSize + ", timeouts=" + timeouts + "]";
    }

    /**
     * How long a storage call may wait, so that a database that is down or stalls fails a turn with a clear error
     * instead of hanging it: {@code connect} for a connection (from the pool, or a new one to the server),
     * {@code statement} for the server to run one statement, {@code socket} for any one read from the server (a
     * network that stopped answering). The socket timeout exceeds the statement timeout, so a slow statement ends
     * with the server's own clean error first. PostgreSQL's driver counts in whole seconds.
     */
    public record Timeouts(Duration connect, Duration socket, Duration statement) {
        public Timeouts {
            requireNonNull(connect, "connect");
            requireNonNull(socket, "socket");
            requireNonNull(statement, "statement");
            for (Duration d : new Duration[] {connect, socket, statement}) {
                if (d.toSeconds() < 1) {
                    throw new IllegalArgumentException("database timeouts are whole seconds of at least 1, not " + d);
                }
            }
            if (socket.compareTo(statement) <= 0) {
                throw new IllegalArgumentException("the socket timeout (" + socket.toSeconds()
                        + " s) must be longer than the statement timeout (" + statement.toSeconds()
                        + " s), or a slow statement would look like a dead network");
            }
        }

        /**
         * How long the pool may spend checking that an idle connection still answers before handing it out: half
         * the connect timeout, so a dead connection still leaves time to open a new one.
         */
        Duration validation() {
            return connect.dividedBy(2);
        }
    }
}
