package dev.aiwizard.storage;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.chat.ThreadRef;
import dev.aiwizard.core.conversation.ConcurrentUpdateException;
import dev.aiwizard.core.conversation.Conversation;
import dev.aiwizard.core.conversation.ConversationId;
import dev.aiwizard.core.conversation.ConversationStore;
import dev.aiwizard.core.conversation.DuplicateEventException;
import dev.aiwizard.core.conversation.StoredMessage;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/** Conversations, their messages and audit trail in the database; versions guard against lost updates. */
final class DbConversationStore implements ConversationStore {
    private final DbClient db;
    private final Clock clock;

    DbConversationStore(DbClient db, Clock clock) {
        this.db = requireNonNull(db, "db");
        this.clock = requireNonNull(clock, "clock");
    }

    @Override
    public void create(Conversation conversation, List<StoredMessage> messages, String eventKey) {
        requireNonNull(conversation, "conversation");
        checkBelong(conversation.id(), messages);
        Sql.inTransaction(db, "create conversation " + conversation.id(), tx -> {
            // The event first: a duplicate fails before anything else is written, and rolls back with the rest.
            recordWith(tx, eventKey);
            tx.createNamedInsert("insert-conversation").namedParam(conversation).execute();
            insertMessages(tx, messages);
            return null;
        });
    }

    @Override
    public Conversation save(Conversation conversation, List<StoredMessage> messages, String eventKey) {
        requireNonNull(conversation, "conversation");
        checkBelong(conversation.id(), messages);
        return Sql.inTransaction(db, "save conversation " + conversation.id(), tx -> {
            recordWith(tx, eventKey);
            long updated = tx.createNamedUpdate("update-conversation").namedParam(conversation).execute();
            if (updated == 0) {
                throw new ConcurrentUpdateException(conversation.id());
            }
            insertMessages(tx, messages);
            return nextVersion(conversation);
        });
    }

    @Override
    public void append(StoredMessage message) {
        requireNonNull(message, "message");
        Sql.run("append a message to conversation " + message.conversationId(),
                () -> db.execute().createNamedInsert("insert-message").namedParam(message).execute());
    }

    @Override
    public Optional<Conversation> find(ConversationId id) {
        requireNonNull(id, "id");
        return Sql.run("find conversation " + id, () -> db.execute().createNamedGet("get-conversation")
                .addParam("id", id.value())
                .execute()
                .map(row -> row.as(Conversation.class)));
    }

    @Override
    public Optional<Conversation> findByThread(ThreadRef thread) {
        requireNonNull(thread, "thread");
        return Sql.run("find the conversation of thread " + thread.thread(), () -> db.execute()
                .createNamedGet("get-conversation-by-thread")
                .addParam("platform", thread.platform())
                .addParam("channel", thread.channel())
                .addParam("thread", thread.thread())
                .execute()
                .map(row -> row.as(Conversation.class)));
    }

    @Override
    public List<Conversation> findByBranch(String branch) {
        requireNonNull(branch, "branch");
        return Sql.run("find the conversations of branch " + branch, () -> Sql.all(db.execute()
                .createNamedQuery("list-conversations-by-branch")
                .addParam("branch", branch)
                .execute(), Conversation.class));
    }

    @Override
    public List<Conversation> listByChannel(String platform, String channel, int limit) {
        requireNonNull(platform, "platform");
        requireNonNull(channel, "channel");
        if (limit <= 0) {
            return List.of();
        }
        return Sql.run("list the conversations of channel " + channel, () -> Sql.all(db.execute()
                .createNamedQuery("list-conversations-by-channel")
                .addParam("platform", platform)
                .addParam("channel", channel)
                .addParam("limit", limit)
                .execute(), Conversation.class));
    }

    @Override
    public List<Conversation> listOpen(String platform, int limit) {
        requireNonNull(platform, "platform");
        if (limit <= 0) {
            return List.of();
        }
        return Sql.run("list the open conversations on " + platform, () -> Sql.all(db.execute()
                .createNamedQuery("list-open-conversations")
                .addParam("platform", platform)
                .addParam("limit", limit)
                .execute(), Conversation.class));
    }

    @Override
    public List<Conversation> list(int limit, int offset) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative: " + offset);
        }
        if (limit <= 0) {
            return List.of();
        }
        return Sql.run("list conversations", () -> Sql.all(db.execute()
                .createNamedQuery("list-conversations")
                .addParam("limit", limit)
                .addParam("offset", offset)
                .execute(), Conversation.class));
    }

    @Override
    public List<StoredMessage> messages(ConversationId id) {
        requireNonNull(id, "id");
        return Sql.run("read the messages of conversation " + id, () -> Sql.all(db.execute()
                .createNamedQuery("list-messages")
                .addParam("conversation_id", id.value())
                .execute(), StoredMessage.class));
    }

    @Override
    public boolean recordEvent(String key) {
        requireNonNull(key, "key");
        checkKey(key);
        return Sql.run("record event " + key, () -> {
            try {
                db.execute().createNamedInsert("insert-inbound-event")
                        .addParam("event_key", key)
                        .addParam("received_at", Columns.time(clock.instant()))
                        .execute();
                return true;
            } catch (RuntimeException e) {
                if (Sql.isDuplicateKey(e)) {
                    return false;
                }
                throw e;
            }
        });
    }

    @Override
    public boolean eventHandled(String key) {
        requireNonNull(key, "key");
        return Sql.run("look up event " + key, () -> db.execute().createNamedGet("get-inbound-event")
                .addParam("event_key", key).execute().isPresent());
    }

    private void recordWith(DbExecute tx, String eventKey) {
        if (eventKey == null) {
            return;
        }
        checkKey(eventKey);
        try {
            tx.createNamedInsert("insert-inbound-event")
                    .addParam("event_key", eventKey)
                    .addParam("received_at", Columns.time(clock.instant()))
                    .execute();
        } catch (RuntimeException e) {
            if (Sql.isDuplicateKey(e)) {
                throw new DuplicateEventException(eventKey);
            }
            throw e;
        }
    }

    private static void checkKey(String key) {
        if (key.length() > 200) {
            throw new IllegalArgumentException("an event key has at most 200 characters");
        }
    }

    @Override
    public void recordPullRequest(ConversationId id, String repository, int number) {
        requireNonNull(id, "id");
        requireNonNull(repository, "repository");
        Sql.run("record pull request " + repository + "#" + number + " of conversation " + id, () -> {
            try {
                db.execute().createNamedInsert("insert-pull-request")
                        .addParam("repo", repository.toLowerCase(Locale.ROOT))
                        .addParam("pr_number", number)
                        .addParam("conversation_id", id.value())
                        .addParam("recorded_at", Columns.time(clock.instant()))
                        .execute();
            } catch (RuntimeException e) {
                // A retried delivery finds its pull request again and records it again: the first record stands.
                if (!Sql.isDuplicateKey(e)) {
                    throw e;
                }
            }
            return null;
        });
    }

    @Override
    public Optional<Conversation> findByPullRequest(String repository, int number) {
        requireNonNull(repository, "repository");
        return Sql.run("find the conversation of pull request " + repository + "#" + number, () -> db.execute()
                .createNamedGet("get-conversation-by-pull-request")
                .addParam("repo", repository.toLowerCase(Locale.ROOT))
                .addParam("pr_number", number)
                .execute()
                .map(row -> row.as(Conversation.class)));
    }

    @Override
    public void audit(ConversationId id, String event, String detail) {
        requireNonNull(id, "id");
        requireNonNull(event, "event");
        requireNonNull(detail, "detail");
        Sql.run("record audit event " + event + " of conversation " + id, () -> db.execute()
                .createNamedInsert("insert-audit-event")
                .addParam("conversation_id", id.value())
                .addParam("event", event)
                .addParam("detail", detail)
                .addParam("at", Columns.time(clock.instant()))
                .execute());
    }

    @Override
    public List<String> auditTrail(ConversationId id) {
        requireNonNull(id, "id");
        return Sql.run("read the audit trail of conversation " + id, () -> {
            try (Stream<DbRow> rows = db.execute().createNamedQuery("list-audit-events")
                    .addParam("conversation_id", id.value()).execute()) {
                return rows.map(r -> Columns.string(r, "event") + ": " + Columns.string(r, "detail")).toList();
            }
        });
    }

    private static void insertMessages(DbExecute tx, List<StoredMessage> messages) {
        for (StoredMessage m : messages) {
            tx.createNamedInsert("insert-message").namedParam(m).execute();
        }
    }

    private static void checkBelong(ConversationId id, List<StoredMessage> messages) {
        requireNonNull(messages, "messages");
        for (StoredMessage m : messages) {
            if (!m.conversationId().equals(id)) {
                throw new IllegalArgumentException("a message of conversation " + m.conversationId()
                        + " cannot be stored with conversation " + id);
            }
        }
    }

    private static Conversation nextVersion(Conversation c) {
        return new Conversation(c.id(), c.thread(), c.requester(), c.idea(), c.state(), c.spec(), c.pending(),
                c.questionsAsked(), c.branch(), c.createdAt(), c.updatedAt(), c.version() + 1);
    }
}
