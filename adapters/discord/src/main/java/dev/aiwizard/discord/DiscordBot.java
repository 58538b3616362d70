package dev.aiwizard.discord;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.chat.InboundEvent;
import dev.aiwizard.core.chat.InboxReplayer;
import dev.aiwizard.core.conversation.ChatInbox;
import dev.aiwizard.core.conversation.ConversationReads;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executor;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * The Discord entry points, one JDA listener per role: {@link SlashCommandHandler} ({@code /wizard}: an idea, an
 * answer, or help/status/list), {@link MessageHandler} (messages in threads and DMs, mentions of the bot),
 * {@link ButtonHandler} (presses of the conversation's buttons) and {@link CatchUp} (the gateway session: registering
 * the command, re-reading open conversations after a new session or a start). Each translates Discord's events into
 * the core's and hands them to the {@link ChatInbox}, which decides what they mean; interactions are kept before they
 * are acknowledged (deferred) at once, so Discord hears back within its three seconds and the 15-minute interaction
 * token is never needed for the conversation itself: all of it is posted as ordinary messages.
 */
public final class DiscordBot implements InboxReplayer {
    private final ChatInbox inbox;
    private final Interactions interactions;
    private final List<Object> listeners;

    /**
     * Handlers handing what people do to {@code inbox}; {@code reads} lists the open conversations a catch-up reads
     * again, on {@code executor}.
     */
    public DiscordBot(DiscordGateway gateway, ChatInbox inbox, ConversationReads reads, DiscordSettings settings,
                      Executor executor, Clock clock) {
        requireNonNull(gateway, "gateway");
        this.inbox = requireNonNull(inbox, "inbox");
        this.interactions = new Interactions(gateway, inbox);
        MessageHandler messages = new MessageHandler(gateway, inbox, settings, clock);
        this.listeners = List.of(new SlashCommandHandler(interactions, inbox, settings), messages,
                new ButtonHandler(interactions), new CatchUp(gateway, reads, messages, settings, executor));
    }

    /** The {@code /wizard} command as registered with Discord. */
    public static SlashCommandData command() {
        return SlashCommandHandler.command();
    }

    /** The JDA listeners, one per role, to add to (and remove from) the shards. */
    public Object[] listeners() {
        return listeners.toArray();
    }

    /** Whether queued work is still running (tests wait for quiet). */
    public boolean isBusy() {
        return inbox.isBusy();
    }

    @Override
    public String platform() {
        return DiscordGateway.PLATFORM;
    }

    @Override
    public void replay(InboundEvent event) {
        interactions.replay(event.fields());
    }
}
