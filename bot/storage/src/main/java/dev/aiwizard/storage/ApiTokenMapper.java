package dev.aiwizard.storage;

import dev.aiwizard.core.access.ApiToken;
import dev.aiwizard.core.chat.UserRef;
import io.helidon.dbclient.DbMapper;
import io.helidon.dbclient.DbRow;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A personal API token as a row of {@code api_tokens}; the hash is bound by the store, never read back. */
final class ApiTokenMapper implements DbMapper<ApiToken> {

    @Override
    public ApiToken read(DbRow row) {
        return new ApiToken(Columns.string(row, "id"),
                new UserRef(Columns.string(row, "user_id"), Columns.string(row, "user_name")),
                Columns.string(row, "name"), Columns.instant(row, "created_at"), Columns.instant(row, "revoked_at"));
    }

    @Override
    public Map<String, ?> toNamedParameters(ApiToken t) {
        // HashMap, because a token that works has no revocation time (SQL NULL).
        Map<String, Object> p = new HashMap<>();
        p.put("id", t.id());
        p.put("user_id", t.owner().id());
        p.put("user_name", t.owner().displayName());
        p.put("name", t.name());
        p.put("created_at", Columns.time(t.createdAt()));
        p.put("revoked_at", Columns.time(t.revokedAt()));
        return p;
    }

    @Override
    public List<?> toIndexedParameters(ApiToken t) {
        throw new UnsupportedOperationException("token statements use named parameters");
    }
}
