package dev.aiwizard.storage;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * Where the database is: a JDBC URL ({@code jdbc:postgresql:} or {@code jdbc:h2:}), the login and the size of the
 * connection pool. A PostgreSQL URL may name a schema with {@code currentSchema}; it is created when missing.
 */
public record StorageSettings(String url, String user, String password, int poolSize) {
    /** The flags the stores rely on in H2: PostgreSQL syntax, lower-case names, NULLs sorted as PostgreSQL does. */
    static final String H2_FLAGS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    private static final int EMBEDDED_POOL_SIZE = 8;

    public StorageSettings {
        requireNonNull(url, "url");
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
    public static StorageSettings embedded(Path dataDir) {
        requireNonNull(dataDir, "dataDir");
        // H2 refuses paths that are only implicitly relative, so the file is named by its absolute path.
        Path file = dataDir.toAbsolutePath().normalize().resolve("wizard");
        return new StorageSettings("jdbc:h2:file:" + file + H2_FLAGS, "sa", "", EMBEDDED_POOL_SIZE);
    }

    /** Never shows the password, so settings can be logged. */
    @Override
    public String toString() {
        return "StorageSettings[url=" + DatabaseUrl.redact(url) + ", user=" + user + ", password="
                + (password.isEmpty() ? "" : "***") + ", poolSize=" + poolSize + "]";
    }
}
