package dev.aiwizard.web;

import dev.aiwizard.core.chat.BotMessage;
import dev.aiwizard.core.chat.ChatGateway;
import dev.aiwizard.core.chat.MessageRef;
import dev.aiwizard.core.chat.ThreadRef;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The chat port of the web pages: what the bot says in a web conversation is already stored when it is posted, and
 * the page shows it from there.
 */
public final class WebGateway implements ChatGateway {
    /** The platform name of conversations held in the browser. */
    public static final String PLATFORM = "web";
    private final AtomicLong posted = new AtomicLong();

    @Override
    public String platform() {
        return PLATFORM;
    }

    @Override
    public MessageRef post(ThreadRef thread, BotMessage message) {
        return new MessageRef(thread, Long.toString(posted.incrementAndGet()));
    }

    @Override
    public void update(MessageRef ref, BotMessage message) {
        // The page reads the job's progress from the job itself.
    }

    @Override
    public String startHint() {
        return "the New conversation page";
    }
}
