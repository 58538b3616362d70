package dev.aiwizard.storage;

import dev.aiwizard.core.conversation.Author;
import dev.aiwizard.core.conversation.ConversationId;
import dev.aiwizard.core.conversation.StoredMessage;
import io.helidon.dbclient.DbMapper;
import io.helidon.dbclient.DbRow;
import java.util.List;
import java.util.Map;

/** A message as a row of {@code messages}. */
final class StoredMessageMapper implements DbMapper<StoredMessage> {

    @Override
    public StoredMessage read(DbRow row) {
        return new StoredMessage(
                new ConversationId(Columns.string(row, "conversation_id")),
                Author.valueOf(Columns.string(row, "author")),
                Columns.string(row, "user_id"),
                Columns.string(row, "text"),
                Columns.instant(row, "at"));
    }

    @Override
    public Map<String, ?> toNamedParameters(StoredMessage m) {
        return Map.of(
                "conversation_id", m.conversationId().value(),
                "author", m.author().name(),
                "user_id", m.userId(),
                "text", m.text(),
                "at", Columns.time(m.at()));
    }

    @Override
    public List<?> toIndexedParameters(StoredMessage m) {
        throw new UnsupportedOperationException("message statements use named parameters");
    }
}
