package dev.aiwizard.storage;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.conversation.ConversationId;
import dev.aiwizard.core.job.ModelUsage;
import dev.aiwizard.core.job.UsageLedger;
import dev.aiwizard.core.job.UsageTotal;
import io.helidon.dbclient.DbClient;
import java.time.Instant;
import java.util.List;

/** Model usage as rows of one ledger table; what was used is always a sum over it, never a running counter. */
final class DbUsageLedger implements UsageLedger {
    private final DbClient db;

    DbUsageLedger(DbClient db) {
        this.db = requireNonNull(db, "db");
    }

    @Override
    public void record(ConversationId conversation, String userId, String model, ModelUsage usage, Instant at) {
        requireNonNull(conversation, "conversation");
        requireNonNull(userId, "userId");
        requireNonNull(model, "model");
        requireNonNull(usage, "usage");
        requireNonNull(at, "at");
        Sql.run("record the model usage of conversation " + conversation, () -> db.execute()
                .createNamedInsert("insert-model-usage")
                .namedParam(usage)
                .addParam("conversation_id", conversation.value())
                .addParam("user_id", userId)
                .addParam("model", model)
                .addParam("recorded_at", Columns.time(at))
                .execute());
    }

    @Override
    public ModelUsage usedBy(String userId, Instant since) {
        requireNonNull(userId, "userId");
        requireNonNull(since, "since");
        return Sql.run("sum the model usage of user " + userId, () -> db.execute()
                .createNamedGet("sum-model-usage-by-user")
                .addParam("user_id", userId)
                .addParam("since", Columns.time(since))
                .execute()
                .map(row -> row.as(ModelUsage.class))
                .orElse(ModelUsage.NONE));
    }

    @Override
    public ModelUsage usedIn(ConversationId conversation) {
        requireNonNull(conversation, "conversation");
        return Sql.run("sum the model usage of conversation " + conversation, () -> db.execute()
                .createNamedGet("sum-model-usage-by-conversation")
                .addParam("conversation_id", conversation.value())
                .execute()
                .map(row -> row.as(ModelUsage.class))
                .orElse(ModelUsage.NONE));
    }

    @Override
    public List<UsageTotal> totals(Instant since) {
        requireNonNull(since, "since");
        return Sql.run("sum the model usage by person and model", () -> db.execute()
                .createNamedQuery("sum-model-usage-by-user-and-model")
                .addParam("since", Columns.time(since))
                .execute()
                .map(row -> new UsageTotal(Columns.string(row, "user_id"), Columns.string(row, "model"),
                        row.as(ModelUsage.class)))
                .toList());
    }
}
