package dev.aiwizard.storage;

import dev.aiwizard.core.Ids;
import dev.aiwizard.core.chat.MessageRef;
import dev.aiwizard.core.chat.ThreadRef;
import dev.aiwizard.core.chat.UserRef;
import dev.aiwizard.core.conversation.Author;
import dev.aiwizard.core.conversation.Conversation;
import dev.aiwizard.core.conversation.ConversationId;
import dev.aiwizard.core.conversation.Question;
import dev.aiwizard.core.conversation.StoredMessage;
import dev.aiwizard.core.job.Job;
import dev.aiwizard.core.job.JobKind;
import dev.aiwizard.core.spec.Entity;
import dev.aiwizard.core.spec.Field;
import dev.aiwizard.core.spec.FieldType;
import dev.aiwizard.core.spec.Operation;
import dev.aiwizard.core.spec.Slot;
import dev.aiwizard.core.spec.Spec;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Sample records for the store tests; times are whole milliseconds so they compare equal after a round trip. */
final class Fixtures {
    static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123Z");

    private Fixtures() {
    }

    static String channel() {
        return "C" + Ids.random(10);
    }

    static ThreadRef thread(String channel) {
        return new ThreadRef("slack", channel, "1700000000." + Ids.random(6));
    }

    static Conversation conversation(ThreadRef thread, Instant at) {
        return Conversation.start(ConversationId.random(), thread, new UserRef("U123", "Zoë Åberg"),
                "a todo service where people manage tasks — with émojis 🚀", at);
    }

    static Conversation conversation(Instant at) {
        return conversation(thread(channel()), at);
    }

    static Spec spec() {
        return Spec.empty()
                .withName("todo-service")
                .withPurpose("Tasks for teams: 任务管理")
                .withEntities(List.of(new Entity("Task", List.of(new Field("title", FieldType.TEXT),
                        new Field("done", FieldType.BOOLEAN), new Field("dueDate", FieldType.DATE)))))
                .withOperations(Set.of(Operation.CREATE, Operation.LIST, Operation.DELETE))
                .withStack("java-helidon")
                .withAssumption("persistence: in-memory");
    }

    static Question question() {
        return new Question(Slot.PERSISTENCE, "Where should the data live?", List.of("postgres", "in-memory"), 2);
    }

    static StoredMessage said(Conversation c, String text, Instant at) {
        return new StoredMessage(c.id(), Author.USER, c.requester().id(), text, at);
    }

    static StoredMessage botSaid(Conversation c, String text, Instant at) {
        return new StoredMessage(c.id(), Author.BOT, "bot", text, at);
    }

    static Job job(Conversation c, Instant at) {
        return Job.queued(c.id(), JobKind.GENERATE, spec(), new MessageRef(c.thread(), "msg-" + Ids.random(6)), at);
    }
}
