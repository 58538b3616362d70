package dev.aiwizard.storage;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.conversation.ConversationId;
import dev.aiwizard.core.job.GeneratedFile;
import dev.aiwizard.core.job.Job;
import dev.aiwizard.core.job.JobId;
import dev.aiwizard.core.job.JobStore;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Jobs and their files in the database. Claims are conditional updates, so workers on several replicas never
 * hold the same job at once, and a lost lease shows when the next update is refused.
 */
final class DbJobStore implements JobStore {
    private static final int MAX_ROUNDS = 8;
    private final DbClient db;

    DbJobStore(DbClient db) {
        this.db = requireNonNull(db, "db");
    }

    @Override
    public void enqueue(Job job) {
        requireNonNull(job, "job");
        Sql.run("enqueue job " + job.id(), () -> db.execute().createNamedInsert("insert-job").namedParam(job).execute());
    }

    @Override
    public Optional<Job> find(JobId id) {
        requireNonNull(id, "id");
        return Sql.run("find job " + id, () -> db.execute().createNamedGet("get-job")
                .addParam("id", id.value())
                .execute()
                .map(row -> row.as(Job.class)));
    }

    @Override
    public List<Job> forConversation(ConversationId id) {
        requireNonNull(id, "id");
        return Sql.run("list the jobs of conversation " + id, () -> Sql.all(db.execute()
                .createNamedQuery("list-jobs-by-conversation")
                .addParam("conversation_id", id.value())
                .execute(), Job.class));
    }

    @Override
    public Optional<Job> claimNext(String owner, Instant now, Duration lease) {
        requireNonNull(owner, "owner");
        requireNonNull(now, "now");
        requireNonNull(lease, "lease");
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("lease must be positive: " + lease);
        }
        return Sql.run("claim a job for " + owner, () -> {
            // Losing a race for a candidate only means another worker took it; try the next one, and look
            // again while there were candidates, so a busy queue is not mistaken for an empty one.
            for (int round = 0; round < MAX_ROUNDS; round++) {
                List<String> candidates = candidates(now);
                if (candidates.isEmpty()) {
                    return Optional.<Job>empty();
                }
                for (String id : candidates) {
                    Optional<Job> won = tryClaim(id, owner, now, lease);
                    if (won.isPresent()) {
                        return won;
                    }
                }
            }
            // Every candidate went to someone else, round after round: the runner simply polls again later.
            return Optional.<Job>empty();
        });
    }

    @Override
    public boolean renew(Job claimed, Instant until) {
        requireNonNull(claimed, "claimed");
        requireNonNull(until, "until");
        if (claimed.owner() == null) {
            return false;
        }
        return Sql.run("renew the lease of job " + claimed.id(), () -> db.execute().createNamedUpdate("renew-job-lease")
                .addParam("id", claimed.id().value())
                .addParam("owner", claimed.owner())
                .addParam("attempts", claimed.attempts())
                .addParam("lease_until", Columns.time(until))
                .execute() > 0);
    }

    @Override
    public boolean release(Job claimed, Instant now) {
        requireNonNull(claimed, "claimed");
        if (claimed.owner() == null) {
            return false;
        }
        return Sql.run("hand back job " + claimed.id(), () -> db.execute().createNamedUpdate("release-job")
                .addParam("id", claimed.id().value())
                .addParam("owner", claimed.owner())
                .addParam("attempts", claimed.attempts())
                .addParam("released", "handed back by " + claimed.owner())
                .addParam("now", Columns.time(now))
                .execute() > 0);
    }

    @Override
    public boolean update(Job job) {
        requireNonNull(job, "job");
        return Sql.run("update job " + job.id(),
                () -> db.execute().createNamedUpdate("update-job").namedParam(job).execute() > 0);
    }

    @Override
    public void saveFiles(JobId id, List<GeneratedFile> files) {
        requireNonNull(id, "id");
        requireNonNull(files, "files");
        Sql.inTransaction(db, "save the files of job " + id, tx -> {
            tx.createNamedDelete("delete-job-files").addParam("job_id", id.value()).execute();
            for (GeneratedFile f : files) {
                tx.createNamedInsert("insert-job-file").namedParam(f).addParam("job_id", id.value()).execute();
            }
            return null;
        });
    }

    @Override
    public List<GeneratedFile> files(JobId id) {
        requireNonNull(id, "id");
        List<GeneratedFile> files = Sql.run("read the files of job " + id, () -> Sql.all(db.execute()
                .createNamedQuery("list-job-files")
                .addParam("job_id", id.value())
                .execute(), GeneratedFile.class));
        // Sorted here, not in SQL: PostgreSQL collations order paths by locale, H2 by code point.
        return files.stream().sorted(Comparator.comparing(GeneratedFile::path)).toList();
    }

    private List<String> candidates(Instant now) {
        try (Stream<DbRow> rows = db.execute().createNamedQuery("list-claimable-jobs")
                .addParam("now", Columns.time(now)).execute()) {
            return rows.map(r -> Columns.string(r, "id")).toList();
        }
    }

    private Optional<Job> tryClaim(String id, String owner, Instant now, Duration lease) {
        return Sql.inTransaction(db, "claim job " + id, tx -> {
            long claimed = tx.createNamedUpdate("claim-job")
                    .addParam("id", id)
                    .addParam("owner", owner)
                    .addParam("lease_until", Columns.time(now.plus(lease)))
                    .addParam("now", Columns.time(now))
                    .execute();
            if (claimed == 0) {
                return Optional.empty();
            }
            // Read in the same transaction, while the row is still locked, so the job returned is the one claimed.
            return tx.createNamedGet("get-job").addParam("id", id).execute().map(row -> row.as(Job.class));
        });
    }
}
