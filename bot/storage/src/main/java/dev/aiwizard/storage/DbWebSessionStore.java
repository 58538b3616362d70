package dev.aiwizard.storage;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.access.WebSession;
import dev.aiwizard.core.access.WebSessionStore;
import io.helidon.dbclient.DbClient;
import java.time.Instant;
import java.util.Optional;

/** The web pages' sessions in the database; every look-up is a query (by the hash), never a cached answer. */
final class DbWebSessionStore implements WebSessionStore {
    private final DbClient db;

    DbWebSessionStore(DbClient db) {
        this.db = requireNonNull(db, "db");
    }

    @Override
    public void add(String hash, WebSession session) {
        requireNonNull(hash, "hash");
        requireNonNull(session, "session");
        Sql.run("store a web session", () -> db.execute().createNamedInsert("insert-web-session")
                .namedParam(session)
                .addParam("session_hash", hash)
                .execute());
    }

    @Override
    public Optional<WebSession> find(String hash, Instant now) {
        requireNonNull(hash, "hash");
        return Sql.run("look up a web session", () -> db.execute().createNamedGet("get-web-session")
                .addParam("session_hash", hash)
                .addParam("now", Columns.time(now))
                .execute()
                .map(row -> row.as(WebSession.class)));
    }

    @Override
    public void remove(String hash) {
        requireNonNull(hash, "hash");
        Sql.run("end a web session", () -> db.execute().createNamedDelete("delete-web-session")
                .addParam("session_hash", hash)
                .execute());
    }

    @Override
    public int removeExpired(Instant now) {
        return Sql.run("forget ended web sessions", () -> (int) db.execute()
                .createNamedDelete("delete-expired-web-sessions")
                .addParam("now", Columns.time(now))
                .execute());
    }
}
