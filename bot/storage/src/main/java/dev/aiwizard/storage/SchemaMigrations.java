package dev.aiwizard.storage;

import dev.aiwizard.core.StorageException;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Brings the schema up to date with Flyway before any store touches it. A database that cannot be reached is
 * reported in words an operator can act on, without the password.
 */
final class SchemaMigrations {
    private static final String LOCATION = "classpath:db/migration";

    private SchemaMigrations() {
    }

    /** Checks that the database answers, then applies the pending migrations. */
    static void run(DatabaseUrl url, StorageSettings settings) {
        checkReachable(url, settings);
        FluentConfiguration flyway = Flyway.configure(SchemaMigrations.class.getClassLoader())
                .dataSource(url.jdbcUrl(), settings.user(), settings.password())
                .locations(LOCATION);
        // An isolated schema (one per test run, or per tenant) is created on first use.
        url.schema().ifPresent(schema -> flyway.schemas(schema).createSchemas(true));
        try {
            flyway.load().migrate();
        } catch (FlywayException e) {
            throw new StorageException(Secrets.hide("Could not bring the database schema at " + url + " up to date: "
                    + e.getMessage(), settings.password()), e);
        }
    }

    private static void checkReachable(DatabaseUrl url, StorageSettings settings) {
        Properties login = new Properties();
        login.setProperty("user", settings.user());
        if (!settings.password().isEmpty()) {
            login.setProperty("password", settings.password());
        }
        try {
            // Reachable, and the login works: that is all this connection is for.
            DriverManager.getConnection(url.jdbcUrl(), login).close();
        } catch (SQLException e) {
            throw new StorageException(Secrets.hide(explain(url, settings, e), settings.password()), e);
        }
    }

    private static String explain(DatabaseUrl url, StorageSettings settings, SQLException e) {
        String why = Secrets.rootMessage(e);
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("28")) {
            return "The database at " + url + " refused the login of user '" + settings.user() + "': " + why
                    + ". Check WIZARD_DB_USER and WIZARD_DB_PASSWORD.";
        }
        if ("3D000".equals(state)) {
            return "The database named in " + url + " does not exist: " + why + ". Create it, or check WIZARD_DB_URL.";
        }
        // An embedded file is usually unavailable because another process has the same data directory open.
        String check = url.isPostgres() ? "WIZARD_DB_URL"
                : "WIZARD_DB_URL, or WIZARD_DATA_DIR for the embedded database";
        return "Cannot reach the database at " + url + ": " + why + ". Check " + check + ".";
    }
}
