package dev.aiwizard.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.core.testing.NeedsServices;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same conversation with the real parts an operator configures: PostgreSQL and Redis on 127.0.0.1. */
@NeedsServices
class PostgresRedisIT {
    static final String PG_URL = Optional.ofNullable(System.getenv("WIZARD_TEST_PG_URL"))
            .orElse("jdbc:postgresql://127.0.0.1:5432/test");
    static final String PG_USER = Optional.ofNullable(System.getenv("WIZARD_TEST_PG_USER")).orElse("postgres");
    static final String REDIS_URL = Optional.ofNullable(System.getenv("WIZARD_TEST_REDIS_URL"))
            .orElse("redis://127.0.0.1:6379");

    @TempDir
    Path data;

    @Test
    void aWholeConversationRunsOnPostgresqlAndRedis() throws Exception {
        String transcript = Transcript.session(TestSettings.embedded(data, "WIZARD_DB_URL", PG_URL,
                "WIZARD_DB_USER", PG_USER, "WIZARD_REDIS_URL", REDIS_URL), """
                new a library where people manage books with a title, pages and a published date
                skip
                generate
                """);
        assertTrue(transcript.contains("**Book**: title (text)"), transcript);
        assertTrue(transcript.contains("git clone --branch wizard/"), transcript);
    }
}
