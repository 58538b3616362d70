package dev.aiwizard.storage;

import dev.aiwizard.core.chat.ThreadRef;
import dev.aiwizard.core.chat.UserRef;
import dev.aiwizard.core.conversation.Conversation;
import dev.aiwizard.core.conversation.ConversationId;
import dev.aiwizard.core.conversation.ConversationState;
import dev.aiwizard.core.conversation.Question;
import dev.aiwizard.core.spec.Spec;
import io.helidon.dbclient.DbMapper;
import io.helidon.dbclient.DbRow;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A conversation as a row of {@code conversations}; the spec and the pending question are JSON. */
final class ConversationMapper implements DbMapper<Conversation> {

    @Override
    public Conversation read(DbRow row) {
        return new Conversation(
                new ConversationId(Columns.string(row, "id")),
                new ThreadRef(Columns.string(row, "platform"), Columns.string(row, "channel"),
                        Columns.string(row, "thread")),
                new UserRef(Columns.string(row, "requester_id"), Columns.string(row, "requester_name")),
                Columns.string(row, "idea"),
                ConversationState.valueOf(Columns.string(row, "state")),
                Json.read(Columns.string(row, "spec"), Spec.class),
                Json.read(Columns.string(row, "pending"), Question.class),
                (int) Columns.number(row, "questions_asked"),
                Columns.string(row, "branch"),
                Columns.instant(row, "created_at"),
                Columns.instant(row, "updated_at"),
                Columns.number(row, "version"));
    }

    @Override
    public Map<String, ?> toNamedParameters(Conversation c) {
        // HashMap, because absent parts (pending question, branch) are bound as SQL NULL.
        Map<String, Object> p = new HashMap<>();
        p.put("id", c.id().value());
        p.put("platform", c.thread().platform());
        p.put("channel", c.thread().channel());
        p.put("thread", c.thread().thread());
        p.put("requester_id", c.requester().id());
        p.put("requester_name", c.requester().displayName());
        p.put("idea", c.idea());
        p.put("state", c.state().name());
        p.put("spec", Json.write(c.spec()));
        p.put("pending", Json.write(c.pending()));
        p.put("questions_asked", c.questionsAsked());
        p.put("branch", c.branch());
        p.put("created_at", Columns.time(c.createdAt()));
        p.put("updated_at", Columns.time(c.updatedAt()));
        p.put("version", c.version());
        return p;
    }

    @Override
    public List<?> toIndexedParameters(Conversation c) {
        throw new UnsupportedOperationException("conversation statements use named parameters");
    }
}
