package dev.aiwizard.storage;

import dev.aiwizard.core.StorageException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
    /** The highest {@code V<n>__} migration shipped in {@code db/migration}; a test keeps the two in step. */
    static final int LATEST_VERSION = 10;

    private SchemaMigrations() {
    }

    /** Checks that the database answers, then applies the pending migrations. */
    static void run(DatabaseUrl url, StorageSettings settings) {
        if (checkReachable(url, settings)) {
            // Flyway costs about a second of start-up (its configuration model alone loads hundreds of classes);
            // a restart against a schema that is already current does not need it.
            return;
        }
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

    /** Whether the database answers; returns true when its schema is already at {@link #LATEST_VERSION}. */
    private static boolean checkReachable(DatabaseUrl url, StorageSettings settings) {
        Properties login = new Properties();
        login.setProperty("user", settings.user());
        if (!settings.password().isEmpty()) {
            login.setProperty("password", settings.password());
        }
        try (Connection connection = DriverManager.getConnection(url.jdbcUrl(), login)) {
            return isCurrent(connection);
        } catch (SQLException e) {
            throw new StorageException(Secrets.hide(explain(url, settings, e), settings.password()), e);
        }
    }

    static boolean isCurrent(Connection connection) {
        String sql = "SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL";
        if (!hasHistory(connection)) {
            return false;
        }
        try (Statement st = connection.createStatement(); ResultSet rows = st.executeQuery(sql)) {
            int highest = 0;
            while (rows.next()) {
                if (!rows.getBoolean(2)) {
                    return false; // a failed migration: let Flyway report it
                }
                highest = Math.max(highest, Integer.parseInt(rows.getString(1).split("\\.")[0]));
            }
            return highest == LATEST_VERSION;
        } catch (SQLException | NumberFormatException e) {
            return false; // no history yet (a new database) or one Flyway must look at
        }
    }

    /** Asks the catalogue first, so a new database is not sent a query that fails (H2 logs such failures). */
    private static boolean hasHistory(Connection connection) {
        try (ResultSet tables = connection.getMetaData().getTables(null, connection.getSchema(),
                "flyway_schema_history", null)) {
            return tables.next();
        } catch (SQLException e) {
            return false;
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
