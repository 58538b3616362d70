package dev.aiwizard.core.testing;

import dev.aiwizard.core.chat.BotMessage;
import dev.aiwizard.core.chat.ChatGateway;
import dev.aiwizard.core.chat.MessageRef;
import dev.aiwizard.core.chat.ThreadRef;
import java.util.ArrayList;
import java.util.List;

/** A chat gateway that records what the bot posted and edited, for assertions. */
public final class RecordingChat implements ChatGateway {
    /** One thing the bot did: posted or edited {@code message} in {@code thread}. */
    public record Sent(ThreadRef thread, BotMessage message, boolean edit) {
    }

    private final List<Sent> sent = new ArrayList<>();

    @Override
    public String platform() {
        return "test";
    }

    @Override
    public synchronized MessageRef post(ThreadRef thread, BotMessage message) {
        sent.add(new Sent(thread, message, false));
        return new MessageRef(thread, "m" + sent.size());
    }

    @Override
    public synchronized void update(MessageRef ref, BotMessage message) {
        sent.add(new Sent(ref.thread(), message, true));
    }

    @Override
    public String startHint() {
        return "new <idea>";
    }

    public synchronized List<Sent> sent() {
        return List.copyOf(sent);
    }

    /** The text of the last message posted (not edited). */
    /** The texts of every message posted (not edits), in order. */
    public synchronized List<String> posted() {
        return sent.stream().filter(s -> !s.edit()).map(s -> s.message().text()).toList();
    }

    public synchronized String lastPosted() {
        for (int i = sent.size() - 1; i >= 0; i--) {
            if (!sent.get(i).edit()) {
                return sent.get(i).message().text();
            }
        }
        throw new AssertionError("nothing was posted");
    }
}
