package dev.aiwizard.storage;

import dev.aiwizard.core.access.WebSession;
import io.helidon.dbclient.DbMapper;
import io.helidon.dbclient.DbRow;
import java.util.List;
import java.util.Map;

/** A web session as a row of {@code web_sessions}; the hash is bound by the store, never read back. */
final class WebSessionMapper implements DbMapper<WebSession> {

    @Override
    public WebSession read(DbRow row) {
        return new WebSession(Columns.string(row, "login"), Columns.string(row, "name"),
                Columns.string(row, "provider"), Columns.string(row, "csrf"), Columns.instant(row, "created_at"),
                Columns.instant(row, "expires_at"));
    }

    @Override
    public Map<String, ?> toNamedParameters(WebSession s) {
        return Map.of("login", s.login(), "name", s.name(), "provider", s.provider(), "csrf", s.csrf(),
                "created_at", Columns.time(s.createdAt()), "expires_at", Columns.time(s.expiresAt()));
    }

    @Override
    public List<?> toIndexedParameters(WebSession s) {
        throw new UnsupportedOperationException("session statements use named parameters");
    }
}
