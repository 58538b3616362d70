package dev.aiwizard.core.request;

import dev.aiwizard.core.Ids;
import dev.aiwizard.core.chat.BotMessage;
import dev.aiwizard.core.chat.ChatGateway;
import dev.aiwizard.core.chat.MessageRef;
import dev.aiwizard.core.chat.ThreadRef;

/**
 * The chat port of conversations started through the API: there is no chat to post to. What the bot says is stored
 * with the conversation by the core anyway, and job progress reaches callers through the job's own events, so posts
 * go nowhere and status edits are dropped.
 */
public final class ApiGateway implements ChatGateway {
    /** The platform of API conversations, as in {@link ThreadRef#platform()}. */
    public static final String PLATFORM = "api";

    @Override
    public String platform() {
        return PLATFORM;
    }

    @Override
    public MessageRef post(ThreadRef thread, BotMessage message) {
        return new MessageRef(thread, "m-" + Ids.random(8));
    }

    @Override
    public void update(MessageRef ref, BotMessage message) {
        // Nothing to edit: callers follow GET /api/v1/jobs/{id}/events.
    }

    @Override
    public String startHint() {
        return "POST /api/v1/jobs";
    }

    @Override
    public String link(ThreadRef thread) {
        return "the job API (conversation " + thread.thread() + ")";
    }
}
