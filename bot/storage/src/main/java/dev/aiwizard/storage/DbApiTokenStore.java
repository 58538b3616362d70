package dev.aiwizard.storage;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.access.ApiToken;
import dev.aiwizard.core.access.ApiTokenStore;
import io.helidon.dbclient.DbClient;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Personal API tokens in the database; every check is a query (by the unique hash), never a cached answer. */
final class DbApiTokenStore implements ApiTokenStore {
    private final DbClient db;

    DbApiTokenStore(DbClient db) {
        this.db = requireNonNull(db, "db");
    }

    @Override
    public void add(ApiToken token, String hash) {
        requireNonNull(token, "token");
        requireNonNull(hash, "hash");
        Sql.run("store API token " + token.id(), () -> db.execute().createNamedInsert("insert-api-token")
                .namedParam(token)
                .addParam("token_hash", hash)
                .execute());
    }

    @Override
    public Optional<ApiToken> findActive(String hash) {
        requireNonNull(hash, "hash");
        return Sql.run("look up an API token", () -> db.execute().createNamedGet("get-active-api-token")
                .addParam("token_hash", hash)
                .execute()
                .map(row -> row.as(ApiToken.class)));
    }

    @Override
    public Optional<ApiToken> find(String id) {
        requireNonNull(id, "id");
        return Sql.run("look up API token " + id, () -> db.execute().createNamedGet("get-api-token")
                .addParam("id", id)
                .execute()
                .map(row -> row.as(ApiToken.class)));
    }

    @Override
    public List<ApiToken> listOf(String ownerId) {
        requireNonNull(ownerId, "ownerId");
        return Sql.run("list the API tokens of " + ownerId, () -> Sql.all(db.execute()
                .createNamedQuery("list-api-tokens-of-user")
                .addParam("user_id", ownerId)
                .execute(), ApiToken.class));
    }

    @Override
    public List<ApiToken> listAll(int limit) {
        return Sql.run("list API tokens", () -> Sql.all(db.execute().createNamedQuery("list-api-tokens")
                .addParam("limit", limit)
                .execute(), ApiToken.class));
    }

    @Override
    public boolean revoke(String id, Instant at) {
        requireNonNull(id, "id");
        requireNonNull(at, "at");
        return Sql.run("revoke API token " + id, () -> db.execute().createNamedUpdate("revoke-api-token")
                .addParam("id", id)
                .addParam("revoked_at", Columns.time(at))
                .execute()) > 0;
    }
}
