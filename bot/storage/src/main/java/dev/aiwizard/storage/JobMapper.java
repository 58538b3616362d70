package dev.aiwizard.storage;

import dev.aiwizard.core.chat.MessageRef;
import dev.aiwizard.core.conversation.ConversationId;
import dev.aiwizard.core.job.Job;
import dev.aiwizard.core.job.JobId;
import dev.aiwizard.core.job.JobKind;
import dev.aiwizard.core.job.JobState;
import dev.aiwizard.core.job.ValidationSummary;
import dev.aiwizard.core.spec.Spec;
import io.helidon.dbclient.DbMapper;
import io.helidon.dbclient.DbRow;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A job as a row of {@code jobs}; the spec and the status message reference are JSON. */
final class JobMapper implements DbMapper<Job> {

    @Override
    public Job read(DbRow row) {
        return new Job(
                new JobId(Columns.string(row, "id")),
                new ConversationId(Columns.string(row, "conversation_id")),
                JobKind.valueOf(Columns.string(row, "kind")),
                JobState.valueOf(Columns.string(row, "state")),
                Json.read(Columns.string(row, "spec"), Spec.class),
                Json.read(Columns.string(row, "status_message"), MessageRef.class),
                Columns.string(row, "progress"),
                Columns.string(row, "owner"),
                Columns.instant(row, "lease_until"),
                (int) Columns.number(row, "attempts"),
                Columns.string(row, "branch"),
                Columns.string(row, "commit_id"),
                Columns.string(row, "location"),
                Columns.string(row, "pull_request_url"),
                Json.read(Columns.string(row, "validation"), ValidationSummary.class),
                Columns.string(row, "result"),
                Columns.string(row, "error"),
                Columns.instant(row, "created_at"),
                Columns.instant(row, "updated_at"));
    }

    @Override
    public Map<String, ?> toNamedParameters(Job j) {
        // HashMap, because the many optional parts of a job are bound as SQL NULL.
        Map<String, Object> p = new HashMap<>();
        p.put("id", j.id().value());
        p.put("conversation_id", j.conversationId().value());
        p.put("kind", j.kind().name());
        p.put("state", j.state().name());
        p.put("spec", Json.write(j.spec()));
        p.put("status_message", Json.write(j.statusMessage()));
        p.put("progress", j.progress());
        p.put("owner", j.owner());
        p.put("lease_until", Columns.time(j.leaseUntil()));
        p.put("attempts", j.attempts());
        p.put("branch", j.branch());
        p.put("commit_id", j.commitId());
        p.put("location", j.location());
        p.put("pull_request_url", j.pullRequestUrl());
        p.put("validation", Json.write(j.validation()));
        p.put("result", j.result());
        p.put("error", j.error());
        p.put("created_at", Columns.time(j.createdAt()));
        p.put("updated_at", Columns.time(j.updatedAt()));
        return p;
    }

    @Override
    public List<?> toIndexedParameters(Job j) {
        throw new UnsupportedOperationException("job statements use named parameters");
    }
}
