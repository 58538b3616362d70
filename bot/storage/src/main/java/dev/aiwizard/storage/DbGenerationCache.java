package dev.aiwizard.storage;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.job.GeneratedProject;
import dev.aiwizard.core.job.GenerationCache;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbStatementDml;
import java.time.Clock;
import java.util.Optional;

/** Generated projects in the database, shared by every replica, under their content-hash keys. */
final class DbGenerationCache implements GenerationCache {
    private final DbClient db;
    private final Clock clock;

    DbGenerationCache(DbClient db, Clock clock) {
        this.db = requireNonNull(db, "db");
        this.clock = requireNonNull(clock, "clock");
    }

    @Override
    public Optional<GeneratedProject> find(String key) {
        requireNonNull(key, "key");
        return Sql.run("look up cached project " + key, () -> db.execute().createNamedGet("get-cached-project")
                .addParam("cache_key", key)
                .execute()
                .map(row -> row.as(GeneratedProject.class)));
    }

    @Override
    public void put(String key, GeneratedProject project) {
        GenerationCache.checkedKey(requireNonNull(key, "key"));
        requireNonNull(project, "project");
        Sql.run("cache project " + key, () -> {
            try {
                return fill(db.execute().createNamedInsert("insert-cached-project"), key, project).execute();
            } catch (RuntimeException e) {
                if (!Sql.isDuplicateKey(e)) {
                    throw e;
                }
                // Insert, then update, rather than delete and insert: two puts racing for a new key would fail one
                // of them. The row this insert ran into is committed; were it gone again, it was evicted, as it
                // could have been right after this put.
                return fill(db.execute().createNamedUpdate("update-cached-project"), key, project).execute();
            }
        });
    }

    private DbStatementDml fill(DbStatementDml statement, String key, GeneratedProject project) {
        return statement.namedParam(project)
                .addParam("cache_key", key)
                .addParam("created_at", Columns.time(clock.instant()));
    }
}
