package dev.aiwizard.discord;

import static dev.aiwizard.discord.DiscordRefs.mentionsMe;
import static dev.aiwizard.discord.DiscordRefs.shorten;
import static dev.aiwizard.discord.DiscordRefs.withoutMentions;
import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.chat.BotMessage;
import dev.aiwizard.core.chat.ChatEvent;
import dev.aiwizard.core.chat.ThreadRef;
import dev.aiwizard.core.conversation.ChatInbox;
import dev.aiwizard.core.text.InboundText;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;

/**
 * Plain messages: in a thread (an answer where the thread holds a conversation, a new one where it mentions the
 * bot), in a DM (the person's open DM conversation, or a new one), and mentions of the bot in a channel (a new
 * conversation in a thread on the message). Discord does not redeliver them, so they are not kept; the core decides
 * what each means. It remembers the newest message seen per thread or DM, where a {@link CatchUp} starts reading.
 */
final class MessageHandler extends ListenerAdapter {
    private static final System.Logger LOG = System.getLogger(MessageHandler.class.getName());
    private static final Duration HINT_EVERY = Duration.ofHours(1);

    private final DiscordGateway gateway;
    private final ChatInbox inbox;
    private final DiscordSettings settings;
    private final Clock clock;
    /** Per thread or DM channel, the newest message id seen: where a catch-up starts reading. */
    private final Map<String, String> cursors = new ConcurrentHashMap<>();
    private final Map<String, Instant> hinted = new ConcurrentHashMap<>();

    MessageHandler(DiscordGateway gateway, ChatInbox inbox, DiscordSettings settings, Clock clock) {
        this.gateway = requireNonNull(gateway, "gateway");
        this.inbox = requireNonNull(inbox, "inbox");
        this.settings = requireNonNull(settings, "settings");
        this.clock = requireNonNull(clock, "clock");
    }

    @Override
    public void onMessageReceived(MessageReceivedEvent event) {
        Message m = event.getMessage();
        User author = m.getAuthor();
        if (author.isBot() || author.isSystem() || m.isWebhookMessage()) {
            return; // its own messages too
        }
        ChannelType type = event.getChannelType();
        if (type.isThread()) {
            threadMessage(m, event.getChannel().asThreadChannel());
        } else if (type == ChannelType.PRIVATE) {
            seen(event.getChannel().getId(), m.getId());
            directMessage(m, author);
        } else if (type.isGuild() && mentionsMe(m)) {
            String idea = withoutMentions(m.getContentRaw());
            if (idea.isEmpty()) {
                return;
            }
            GuildMessageChannel parent = event.getGuildChannel();
            inbox.handle(new ChatEvent.NewConversation(DiscordGateway.PLATFORM, parent.getId(),
                    DiscordRefs.user(author, null), idea, m.getId(), () -> threadOn(m, parent, idea)));
        }
    }

    /** A new thread on the message that mentioned the bot: the conversation's. */
    private static Optional<ThreadRef> threadOn(Message m, GuildMessageChannel parent, String idea) {
        try {
            ThreadChannel t = m.createThreadChannel(shorten(InboundText.clean(idea).text().replaceAll("\\s+", " "),
                    DiscordRefs.MAX_THREAD_NAME)).complete();
            return Optional.of(new ThreadRef(DiscordGateway.PLATFORM, parent.getId(), t.getId()));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot start a thread in " + parent.getId() + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    /** A message in a thread: an answer when the thread holds a conversation, or a start when it mentions the bot. */
    void threadMessage(Message m, ThreadChannel t) {
        seen(t.getId(), m.getId());
        if (m.getAuthor().isBot() || m.getAuthor().isSystem() || m.isWebhookMessage()) {
            return;
        }
        ThreadRef ref = DiscordRefs.guildThread(t);
        boolean mentioned = mentionsMe(m);
        String text = mentioned ? withoutMentions(m.getContentRaw()) : m.getContentRaw().strip();
        if (text.isEmpty()) {
            // Only an attachment or a sticker; or, without the intent, text Discord did not send.
            if (!settings.messageContent() && !mentioned) {
                inbox.handle(new ChatEvent.Unreadable(ref, DiscordRefs.user(m.getAuthor(), m.getMember()),
                        this::unreadable));
            }
            return;
        }
        inbox.handle(new ChatEvent.ThreadMessage(ref, DiscordRefs.user(m.getAuthor(), m.getMember()), text, m.getId(),
                mentioned ? ChatEvent.IfNone.START : ChatEvent.IfNone.IGNORE));
    }

    /** A DM: DMs have no threads, so it belongs to the person's newest open DM conversation, or starts one. */
    void directMessage(Message m, User author) {
        String text = m.getContentRaw().strip();
        if (text.isEmpty() || author.isBot() || author.isSystem()) {
            return;
        }
        inbox.handle(new ChatEvent.ThreadMessage(ChatEvent.Place.latestIn(DiscordGateway.PLATFORM,
                DiscordGateway.dmChannel(author.getId())), DiscordRefs.user(author, null), text, m.getId(),
                ChatEvent.IfNone.START));
    }

    /** Remembers the newest message id seen in {@code channel}: where a catch-up starts reading. */
    void seen(String channel, String messageId) {
        cursors.merge(channel, messageId, (a, b) -> Long.parseUnsignedLong(a) >= Long.parseUnsignedLong(b) ? a : b);
    }

    /** The newest message id seen in {@code channel}, if any. */
    String cursor(String channel) {
        return cursors.get(channel);
    }

    /** Without the Message Content intent, replies arrive empty: say how to answer instead (once an hour). */
    private void unreadable(ThreadRef ref) {
        Instant now = clock.instant();
        Instant last = hinted.get(ref.thread());
        if (last != null && last.plus(HINT_EVERY).isAfter(now)) {
            return;
        }
        hinted.put(ref.thread(), now);
        gateway.post(ref, BotMessage.text("I can't read plain replies here (the bot runs without Discord's Message "
                + "Content intent). Mention me with your answer, e.g. `@AI Wizard skip`, or use `/wizard answer:`."));
    }
}
