package dev.aiwizard.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Settings and URLs: what the operator gives, how it is described, and that no password leaks from it. */
class StorageSettingsTest {

    @Test
    void theEmbeddedDatabaseStaysOpenWhileTheBotDrainsOnShutdownAndClosesOnlyWithIt() {
        // H2 closes a database in a JVM shutdown hook of its own unless told not to: it could run before the bot's,
        // and the turns draining after SIGTERM (and the inbox's hand-back) would find the database gone.
        assertTrue(StorageSettings.embedded(Path.of("data"), TestDatabase.TIMEOUTS).url()
                .contains(";DB_CLOSE_ON_EXIT=FALSE"));
    }

    @Test
    void theEmbeddedDefaultIsAnH2FileInPostgresModeUnderTheDataDirectory() {
        Path dir = Path.of("data");
        StorageSettings settings = StorageSettings.embedded(dir, TestDatabase.TIMEOUTS);

        assertEquals("jdbc:h2:file:" + dir.toAbsolutePath().resolve("wizard")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE",
                settings.url());
        assertEquals("embedded H2 at " + dir.toAbsolutePath().resolve("wizard"),
                DatabaseUrl.of(settings.url()).describe());
    }

    @Test
    void settingsNeverShowThePasswordWhenPrinted() {
        StorageSettings settings = new StorageSettings("jdbc:postgresql://db:5432/wizard?password=in-url-secret",
                "wizard", "top-secret", 10, TestDatabase.TIMEOUTS);

        assertFalse(settings.toString().contains("top-secret"), settings.toString());
        assertFalse(settings.toString().contains("in-url-secret"), settings.toString());
        assertTrue(settings.toString().contains("jdbc:postgresql://db:5432/wizard"), settings.toString());
    }

    @Test
    void onlyPostgresAndH2UrlsAreAccepted() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new StorageSettings("jdbc:mysql://db/wizard", "u", "p", 4,
                TestDatabase.TIMEOUTS));
        assertTrue(e.getMessage().contains("jdbc:postgresql:"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new StorageSettings("jdbc:h2:mem:x", "u", "p", 0,
                TestDatabase.TIMEOUTS));
    }

    @Test
    void aPostgresUrlIsDescribedByHostDatabaseAndSchema() {
        assertEquals("PostgreSQL at 127.0.0.1:5432/test",
                DatabaseUrl.of("jdbc:postgresql://127.0.0.1:5432/test").describe());
        assertEquals("PostgreSQL at db:5432/wizard (schema tenant_a)",
                DatabaseUrl.of("jdbc:postgresql://db:5432/wizard?ssl=true&currentSchema=tenant_a").describe());
        assertEquals(Optional.of("tenant_a"),
                DatabaseUrl.of("jdbc:postgresql://db/wizard?currentSchema=tenant_a,public").schema());
        assertEquals(Optional.empty(), DatabaseUrl.of("jdbc:postgresql://db/wizard").schema());
    }

    @Test
    void anH2UrlGetsTheFlagsTheStoresNeed() {
        String url = DatabaseUrl.of("jdbc:h2:mem:wizard;DB_CLOSE_DELAY=-1").jdbcUrl();

        assertEquals("jdbc:h2:mem:wizard;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH", url);
        assertEquals("in-memory H2 wizard", DatabaseUrl.of(url).describe());
    }

    @Test
    void redactingRemovesUserInfoAndPasswordParameters() {
        assertEquals("redis://127.0.0.1:6379", DatabaseUrl.redact("redis://:pw@127.0.0.1:6379"));
        assertEquals("jdbc:postgresql://db/x?user=a&password=***&ssl=true",
                DatabaseUrl.redact("jdbc:postgresql://db/x?user=a&password=pw&ssl=true"));
        assertEquals("jdbc:h2:tcp://h/db;PASSWORD=***", DatabaseUrl.redact("jdbc:h2:tcp://h/db;PASSWORD=pw"));
    }

    @Test
    void aPostgresUrlConnectsWithTheTimeoutsUnlessItSetsItsOwnAndIsShownWithoutThem() {
        var timeouts = new StorageSettings.Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(15),
                Duration.ofSeconds(10));

        DatabaseUrl plain = DatabaseUrl.of("jdbc:postgresql://db:5432/wizard").withTimeouts(timeouts);
        DatabaseUrl own = DatabaseUrl.of("jdbc:postgresql://db/wizard?ssl=true&socketTimeout=60").withTimeouts(timeouts);

        assertEquals("jdbc:postgresql://db:5432/wizard?connectTimeout=5&loginTimeout=5&socketTimeout=15"
                + "&options=-c%20statement_timeout%3D10000", plain.jdbcUrl());
        assertEquals("jdbc:postgresql://db:5432/wizard", plain.toString(), "messages show the operator's URL");
        assertEquals("jdbc:postgresql://db/wizard?ssl=true&socketTimeout=60&connectTimeout=5&loginTimeout=5"
                + "&options=-c%20statement_timeout%3D10000", own.jdbcUrl());
        assertEquals("jdbc:h2:mem:x;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                DatabaseUrl.of("jdbc:h2:mem:x").withTimeouts(timeouts).jdbcUrl(), "in-process H2 needs none");
    }

    @Test
    void timeoutsAreWholeSecondsAndASocketTimeoutBelowTheStatementTimeoutIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> new StorageSettings.Timeouts(Duration.ofSeconds(5),
                Duration.ofSeconds(10), Duration.ofSeconds(10)));
        assertTrue(e.getMessage().contains("must be longer than the statement timeout"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new StorageSettings.Timeouts(Duration.ofMillis(500),
                Duration.ofSeconds(10), Duration.ofSeconds(5)));
    }
}
