package dev.aiwizard.core.chat;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.WizardException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Sends each message through the gateway of its thread's platform, so several platforms share one engine. */
public final class ChatRouter {
    private final Map<String, ChatGateway> gateways = new ConcurrentHashMap<>();

    /** Adds {@code gateway} for its platform. */
    public ChatRouter register(ChatGateway gateway) {
        requireNonNull(gateway, "gateway");
        gateways.put(gateway.platform(), gateway);
        return this;
    }

    /** The gateway for {@code thread}'s platform. */
    public ChatGateway gatewayFor(ThreadRef thread) {
        ChatGateway g = gateways.get(thread.platform());
        if (g == null) {
            throw new WizardException("no chat gateway for platform " + thread.platform());
        }
        return g;
    }

    public MessageRef post(ThreadRef thread, BotMessage message) {
        return gatewayFor(thread).post(thread, message);
    }

    public void whisper(ThreadRef thread, UserRef user, BotMessage message) {
        gatewayFor(thread).whisper(thread, user, message);
    }

    /**
     * Tells only {@code user}, who took part in {@code thread} from the platform {@code via} (the web pages, in a
     * Slack thread's conversation), through that platform's gateway: they are not in the thread's own platform as
     * {@code user}.
     */
    public void whisper(String via, ThreadRef thread, UserRef user, BotMessage message) {
        ChatGateway g = gateways.get(via);
        if (g == null) {
            throw new WizardException("no chat gateway for platform " + via);
        }
        g.whisper(thread, user, message);
    }

    public void update(MessageRef ref, BotMessage message) {
        gatewayFor(ref.thread()).update(ref, message);
    }
}
