package dev.aiwizard.storage;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.conversation.ConversationId;
import dev.aiwizard.core.request.JobRequestLog;
import io.helidon.dbclient.DbClient;
import java.time.Instant;
import java.util.List;

/** The job request log as rows of {@code job_requests}, shared by every replica. */
final class DbJobRequestLog implements JobRequestLog {
    private final DbClient db;

    DbJobRequestLog(DbClient db) {
        this.db = requireNonNull(db, "db");
    }

    @Override
    public void record(String key, ConversationId conversation, Instant at) {
        requireNonNull(key, "key");
        requireNonNull(conversation, "conversation");
        requireNonNull(at, "at");
        Sql.run("record the job request of " + conversation, () -> db.execute()
                .createNamedInsert("insert-job-request")
                .addParam("request_key", key)
                .addParam("conversation_id", conversation.value())
                .addParam("requested_at", Columns.time(at))
                .execute());
    }

    @Override
    public List<ConversationId> since(String key, Instant since, int limit) {
        requireNonNull(key, "key");
        requireNonNull(since, "since");
        return Sql.run("look up earlier job requests", () -> {
            try (var rows = db.execute().createNamedQuery("list-job-requests-since")
                    .addParam("request_key", key)
                    .addParam("since", Columns.time(since))
                    .addParam("limit", limit)
                    .execute()) {
                return rows.map(row -> new ConversationId(Columns.string(row, "conversation_id"))).toList();
            }
        });
    }
}
