package dev.aiwizard.discord;

import static dev.aiwizard.discord.DiscordRefs.edit;
import static dev.aiwizard.discord.DiscordRefs.shorten;
import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.chat.ChatEvent;
import dev.aiwizard.core.chat.ThreadRef;
import dev.aiwizard.core.chat.UserRef;
import dev.aiwizard.core.conversation.ChatInbox;
import dev.aiwizard.core.text.InboundText;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.interactions.InteractionHook;

/**
 * Interactions the bot keeps before it acknowledges them ({@code /wizard idea:} and {@code answer:}, button presses):
 * what is kept of each, and the core's event for it, now or when it is replayed after a crash (then without the
 * interaction's own answer, {@code hook} null).
 */
final class Interactions {
    private static final System.Logger LOG = System.getLogger(Interactions.class.getName());
    /**
     * Said when the queues refuse an interaction (full, or shutting down). Discord does not redeliver gateway events,
     * so a refused plain message is only logged (with counts, by the queues); an interaction's person is told.
     */
    static final String BUSY = "I'm too busy to take this right now. Please try again in a minute.";
    /** Said instead of acknowledging when the interaction could not be kept (Discord does not send it again). */
    static final String NOT_KEPT = "I can't take this right now (my storage is not answering). Please try again in a "
            + "minute.";

    /** How an interaction fared: kept and queued, a duplicate, refused for now, or not kept at all. */
    enum Fate { QUEUED, DUPLICATE, BUSY, NOT_KEPT }

    private final DiscordGateway gateway;
    private final ChatInbox inbox;

    Interactions(DiscordGateway gateway, ChatInbox inbox) {
        this.gateway = requireNonNull(gateway, "gateway");
        this.inbox = requireNonNull(inbox, "inbox");
    }

    /**
     * Keeps the interaction {@code f}, runs {@code acknowledge} (the deferral), and queues its work ({@code hook}:
     * where its own answer goes).
     */
    Fate accept(Map<String, String> f, InteractionHook hook, Runnable acknowledge) {
        ChatEvent event = event(f, hook);
        try {
            return switch (inbox.accept(event, f, acknowledge, then(f, hook))) {
                case QUEUED -> Fate.QUEUED;
                case DUPLICATE -> Fate.DUPLICATE;
                case BUSY -> Fate.BUSY;
            };
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not keep a Discord " + f.get("type") + "; the person is told "
                    + "to try again: " + e.getMessage());
            return Fate.NOT_KEPT;
        }
    }

    /** Queues a kept interaction again after a crash or a failure. */
    void replay(Map<String, String> f) {
        inbox.replay(event(f, null));
    }

    /** What a turn needs of an interaction, to run it now or after a crash. */
    static Map<String, String> fields(String type, String interaction, MessageChannel channel, User user,
                                      Member member, String text) {
        Map<String, String> f = new HashMap<>();
        f.put("type", type);
        f.put("eventId", interaction);
        f.put("user", user.getId());
        f.put("name", user.getEffectiveName());
        f.put("text", text);
        UserRef who = DiscordRefs.user(user, member);
        if (!who.roles().isEmpty()) {
            f.put("roles", String.join("\n", who.roles()));
        }
        if (channel.getType().isThread()) {
            f.put("thread", channel.getId());
            f.put("parent", ((ThreadChannel) channel).getParentChannel().getId());
        } else if (channel.getType() != ChannelType.PRIVATE) {
            f.put("parent", channel.getId());
        }
        return f;
    }

    /**
     * Where a kept interaction's message goes: the guild thread it came from, or in a DM the person's newest
     * unfinished conversation there; empty in a guild channel outside threads (no conversation lives there).
     */
    static Optional<ChatEvent.Place> place(Map<String, String> f) {
        if (f.get("thread") != null) {
            return Optional.of(ChatEvent.Place.of(new ThreadRef(DiscordGateway.PLATFORM, f.get("parent"),
                    f.get("thread"))));
        }
        if (f.get("parent") == null) {
            return Optional.of(ChatEvent.Place.latestIn(DiscordGateway.PLATFORM,
                    DiscordGateway.dmChannel(f.get("user"))));
        }
        return Optional.empty();
    }

    private ChatEvent event(Map<String, String> f, InteractionHook hook) {
        UserRef who = DiscordRefs.user(f);
        String text = f.get("text");
        String eventId = f.get("eventId");
        return switch (f.getOrDefault("type", "")) {
            case "idea" -> new ChatEvent.NewConversation(DiscordGateway.PLATFORM, f.get("parent") == null
                    ? DiscordGateway.dmChannel(who.id()) : f.get("parent"), who, text, eventId,
                    () -> openThread(f, who, hook));
            case "answer" -> new ChatEvent.ThreadMessage(place(f).orElseThrow(() -> new IllegalArgumentException(
                    "an answer outside a thread or DM is not kept")), who, text, eventId, ChatEvent.IfNone.HINT);
            case "button" -> place(f).<ChatEvent>map(p -> new ChatEvent.ChoicePressed(p, who, text, eventId))
                    .orElseThrow(() -> new IllegalArgumentException("a button outside a thread or DM"));
            default -> throw new IllegalArgumentException("unknown kind of stored Discord event: " + f.get("type"));
        };
    }

    /** What the interaction's own answer says once its work ended. */
    private static Consumer<ChatInbox.Ended> then(Map<String, String> f, InteractionHook hook) {
        if (!"answer".equals(f.get("type"))) {
            return ended -> { };
        }
        return ended -> {
            switch (ended) {
                case HANDLED -> edit(hook, "Noted: " + shorten(f.get("text"), 200));
                case NO_CONVERSATION -> edit(hook, "Answers go in a conversation's thread. Start one with "
                        + "`/wizard idea:`.");
                case FAILED -> { }
            }
        };
    }

    /** The thread of a conversation started with {@code /wizard idea:}: a new guild thread, or the DM itself. */
    private Optional<ThreadRef> openThread(Map<String, String> f, UserRef who, InteractionHook hook) {
        String idea = f.get("text");
        String interaction = f.get("eventId");
        if (f.get("parent") == null) {
            edit(hook, "Let's talk it through here.");
            return Optional.of(new ThreadRef(DiscordGateway.PLATFORM, DiscordGateway.dmChannel(who.id()),
                    interaction.substring("interaction:".length())));
        }
        GuildMessageChannel parent = gateway.guildChannel(f.get("parent")).orElseThrow(
                () -> new IllegalStateException("channel " + f.get("parent") + " is not visible here"));
        ThreadChannel thread;
        try {
            // The starter and the thread's name repeat the idea in the channel: never a secret pasted into it.
            String shown = InboundText.clean(idea).text();
            Message starter = parent.sendMessage("<@" + who.id() + "> asked for: " + shorten(shown, 1800))
                    .setAllowedMentions(List.of(Message.MentionType.USER)).complete();
            thread = starter.createThreadChannel(shorten(shown.replaceAll("\\s+", " "), DiscordRefs.MAX_THREAD_NAME))
                    .complete();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot start a thread in " + f.get("parent") + ": "
                    + e.getMessage());
            edit(hook, "I couldn't start a thread here (" + e.getMessage() + "). I need to send messages, create "
                    + "public threads and send messages in threads in this channel — ask an admin to check my role.");
            return Optional.empty();
        }
        edit(hook, "Started: " + thread.getAsMention());
        return Optional.of(new ThreadRef(DiscordGateway.PLATFORM, f.get("parent"), thread.getId()));
    }
}
