package dev.aiwizard.discord;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.WizardException;
import dev.aiwizard.core.chat.BotMessage;
import dev.aiwizard.core.chat.InboundEvent;
import dev.aiwizard.core.chat.InboundMessage;
import dev.aiwizard.core.chat.InboxReplayer;
import dev.aiwizard.core.chat.Intake;
import dev.aiwizard.core.chat.ThreadQueues;
import dev.aiwizard.core.chat.ThreadRef;
import dev.aiwizard.core.chat.Turns;
import dev.aiwizard.core.chat.UserRef;
import dev.aiwizard.core.conversation.Conversation;
import dev.aiwizard.core.conversation.ConversationService;
import dev.aiwizard.core.text.InboundText;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.entities.channel.unions.MessageChannelUnion;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.events.session.SessionRecreateEvent;
import net.dv8tion.jda.api.events.session.ShutdownEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.IntegrationType;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.requests.CloseCode;

/**
 * The Discord entry points, as a JDA listener: {@code /wizard} (an idea, an answer, or help/status/list), messages in
 * a conversation's thread or DM, mentions of the bot, and presses of the conversation's buttons. Every interaction is
 * acknowledged (deferred) at once and the conversation work runs on a queue per thread, so Discord always hears back
 * within its three seconds and the 15-minute interaction token is never needed for the conversation itself: all of
 * it is posted as ordinary messages. When a gateway session had to be re-created, or the bot starts, recent
 * messages of each open conversation's thread are read again; the conversation service handles a message id once.
 */
public final class DiscordBot extends ListenerAdapter implements InboxReplayer {
    private static final System.Logger LOG = System.getLogger(DiscordBot.class.getName());
    private static final Pattern MENTION = Pattern.compile("<@!?\\d+>");
    private static final int MAX_THREAD_NAME = 100;
    /** How many open conversations, and how many recent messages of each, a catch-up reads. */
    private static final int CATCH_UP_CONVERSATIONS = 200;
    private static final int CATCH_UP_MESSAGES = 100;
    private static final Duration HINT_EVERY = Duration.ofHours(1);
    /**
     * Said when the queues refuse an interaction (full, or shutting down). Discord does not redeliver gateway events,
     * so a refused plain message is only logged (with counts, by the queues); an interaction's person is told.
     */
    static final String BUSY = "I'm too busy to take this right now. Please try again in a minute.";
    /** Said instead of acknowledging when the interaction could not be kept (Discord does not send it again). */
    static final String NOT_KEPT = "I can't take this right now (my storage is not answering). Please try again in a "
            + "minute.";

    private final DiscordGateway gateway;
    private final ConversationService conversations;
    private final DiscordSettings settings;
    private final ThreadQueues queues;
    private final Intake intake;
    private final Executor executor;
    private final Clock clock;
    /** Per thread or DM channel, the newest message id seen: where a catch-up starts reading. */
    private final Map<String, String> cursors = new ConcurrentHashMap<>();
    private final Map<String, Instant> hinted = new ConcurrentHashMap<>();

    /**
     * Turns run on {@code queues}, which bound them and stop taking work at shutdown; {@code executor} runs the
     * catch-up after a new gateway session.
     */
    public DiscordBot(DiscordGateway gateway, ConversationService conversations, DiscordSettings settings,
                      Intake intake, ThreadQueues queues, Executor executor, Clock clock) {
        this.gateway = requireNonNull(gateway, "gateway");
        this.intake = requireNonNull(intake, "intake");
        this.conversations = requireNonNull(conversations, "conversations");
        this.settings = requireNonNull(settings, "settings");
        this.executor = requireNonNull(executor, "executor");
        this.queues = requireNonNull(queues, "queues");
        this.clock = requireNonNull(clock, "clock");
    }

    /** The {@code /wizard} command as registered with Discord. */
    public static SlashCommandData command() {
        return Commands.slash("wizard", "Turn an app idea into a pull request, talking it through in a thread")
                .addOptions(new OptionData(OptionType.STRING, "idea", "What should be built? Starts a conversation.")
                                .setMaxLength(4000),
                        new OptionData(OptionType.STRING, "answer", "An answer in this conversation's thread (when I "
                                + "cannot read plain replies)").setMaxLength(4000),
                        new OptionData(OptionType.STRING, "show", "help, status or list of this channel")
                                .addChoice("help", "help").addChoice("status", "status").addChoice("list", "list"))
                .setContexts(InteractionContextType.GUILD, InteractionContextType.BOT_DM)
                .setIntegrationTypes(IntegrationType.GUILD_INSTALL);
    }

    /** Whether queued work is still running (tests wait for quiet). */
    public boolean isBusy() {
        return queues.busy() > 0;
    }

    // ---- session

    @Override
    public void onReady(ReadyEvent event) {
        JDA jda = event.getJDA();
        registerCommand(jda);
        executor.execute(() -> catchUp(jda, "start"));
    }

    @Override
    public void onSessionRecreate(SessionRecreateEvent event) {
        JDA jda = event.getJDA();
        executor.execute(() -> catchUp(jda, "a new gateway session"));
    }

    @Override
    public void onShutdown(ShutdownEvent event) {
        if (event.getCloseCode() == CloseCode.DISALLOWED_INTENTS) {
            LOG.log(System.Logger.Level.ERROR, "Discord refused the Message Content intent: enable it for the bot "
                    + "in the Developer Portal (Bot > Privileged Gateway Intents), or set "
                    + "WIZARD_DISCORD_MESSAGE_CONTENT=false to answer through /wizard answer: and mentions");
        } else if (event.getCloseCode() == CloseCode.AUTHENTICATION_FAILED) {
            LOG.log(System.Logger.Level.ERROR, "Discord refused DISCORD_BOT_TOKEN: reset it in the Developer Portal");
        }
    }

    private void registerCommand(JDA jda) {
        if (settings.guildId() != null) {
            var guild = jda.getGuildById(settings.guildId());
            if (guild != null) {
                guild.updateCommands().addCommands(command()).queue(ok -> LOG.log(System.Logger.Level.INFO,
                        "/wizard registered in guild " + guild.getId()), e -> LOG.log(System.Logger.Level.WARNING,
                        "could not register /wizard in guild " + guild.getId() + ": " + e.getMessage()));
            }
        } else if (jda.getShardInfo().getShardId() == 0) {
            // Global commands belong to the application: one shard registers them.
            jda.updateCommands().addCommands(command()).queue(ok -> LOG.log(System.Logger.Level.INFO,
                    "/wizard registered globally"), e -> LOG.log(System.Logger.Level.WARNING,
                    "could not register /wizard: " + e.getMessage()));
        }
    }

    /** Reads what arrived in open conversations' threads and DMs while the bot was not listening. */
    void catchUp(JDA jda, String why) {
        int read = 0;
        for (Conversation c : conversations.open(DiscordGateway.PLATFORM, CATCH_UP_CONVERSATIONS)) {
            MessageChannel channel = catchUpChannel(jda, c);
            if (channel == null) {
                continue; // another shard's guild or DMs, or a deleted thread
            }
            read++;
            try {
                String after = cursors.get(channel.getId());
                List<Message> recent = after != null
                        ? channel.getHistoryAfter(after, CATCH_UP_MESSAGES).complete().getRetrievedHistory()
                        : channel.getHistory().retrievePast(CATCH_UP_MESSAGES).complete();
                recent.stream().sorted(Comparator.comparingLong(Message::getIdLong))
                        .filter(m -> !m.getTimeCreated().toInstant().isBefore(c.createdAt()))
                        .forEach(m -> {
                            if (channel instanceof ThreadChannel t) {
                                threadMessage(m, t);
                            } else {
                                seen(channel.getId(), m.getId());
                                directMessage(m, m.getAuthor());
                            }
                        });
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "could not catch up on channel " + channel.getId() + ": "
                        + e.getMessage());
            }
        }
        LOG.log(System.Logger.Level.INFO, "caught up on " + read + " Discord conversation(s) after " + why);
    }

    /** Where conversation {@code c} lives, if this shard serves it: its thread, or the DM (shard 0 gets DMs). */
    private MessageChannel catchUpChannel(JDA jda, Conversation c) {
        if (!DiscordGateway.isDm(c.thread())) {
            return jda.getThreadChannelById(c.thread().thread());
        }
        if (jda.getShardInfo().getShardId() != 0) {
            return null;
        }
        try {
            return gateway.channel(c.thread());
        } catch (WizardException e) {
            LOG.log(System.Logger.Level.WARNING, e.getMessage());
            return null;
        }
    }

    /** Remembers the newest message id seen in {@code channel}: where a catch-up starts reading. */
    private void seen(String channel, String messageId) {
        cursors.merge(channel, messageId, (a, b) -> Long.parseUnsignedLong(a) >= Long.parseUnsignedLong(b) ? a : b);
    }

    // ---- slash command

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        if (!event.getName().equals("wizard")) {
            return;
        }
        String idea = option(event.getOption("idea"));
        String answer = option(event.getOption("answer"));
        String show = option(event.getOption("show"));
        User user = event.getUser();
        Member member = event.getMember();
        MessageChannelUnion channel = event.getChannel();
        String interaction = "interaction:" + event.getId();
        if (idea != null && show == null && List.of("help", "status", "list").contains(idea.toLowerCase(Locale.ROOT))) {
            // `/wizard idea:help` reads as Slack's `/wizard help`
            show = idea.toLowerCase(Locale.ROOT);
            idea = null;
        }
        Map<String, String> f = idea == null && answer == null ? null
                : fields(idea != null ? "idea" : "answer", interaction, channel, user, member,
                        idea != null ? idea : answer);
        // Kept before it is acknowledged: work Discord was told "thinking…" about survives a crash.
        Kept kept = f == null ? Kept.NEW : keep(f);
        if (kept == Kept.FAILED) {
            event.reply(NOT_KEPT).setEphemeral(true).queue(null, e -> LOG.log(System.Logger.Level.WARNING,
                    "could not answer /wizard: " + e.getMessage()));
            return;
        }
        // Acknowledge first: Discord allows three seconds.
        event.deferReply(true).queue(null, e -> LOG.log(System.Logger.Level.WARNING,
                "could not acknowledge /wizard: " + e.getMessage()));
        InteractionHook hook = event.getHook();
        if (kept == Kept.DUPLICATE) {
            edit(hook, "Already on it.");
            return;
        }
        boolean queued;
        if (idea != null || answer != null) {
            queued = run(f, hook);
        } else {
            String what = show == null ? "help" : show;
            queued = queues.submit(queueKey(channel, user), () -> edit(hook, switch (what) {
                case "status", "list" -> conversations.channelOverview(DiscordGateway.PLATFORM, channelKey(channel,
                        user));
                default -> conversations.helpText(gateway.startHint()) + "\nIn a conversation's thread, reply with "
                        + "your answers or `skip`, `generate`, `change <what>`, `status`, `cancel`"
                        + (settings.messageContent() ? "." : ", or use `/wizard answer:`.");
            }));
        }
        if (!queued) {
            if (f != null) {
                // Refused for now: its lease runs out and it is tried again, here or by another replica.
                intake.finished(key(f), false);
            }
            edit(hook, BUSY);
        }
    }

    private void startFromCommand(InteractionHook hook, Map<String, String> f) {
        String idea = f.get("text");
        String interaction = f.get("eventId");
        UserRef who = user(f);
        String key = key(f);
        if (f.get("parent") == null) {
            ThreadRef thread = new ThreadRef(DiscordGateway.PLATFORM, DiscordGateway.dmChannel(who.id()),
                    interaction.substring("interaction:".length()));
            edit(hook, "Let's talk it through here.");
            inThread(thread, key, () -> conversations.start(new InboundMessage(thread, who, idea, interaction)));
            return;
        }
        Optional<GuildMessageChannel> parent = gateway.guildChannel(f.get("parent"));
        if (parent.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "cannot start a thread in " + f.get("parent") + ": not visible here");
            intake.finished(key, false);
            return;
        }
        ThreadChannel thread;
        try {
            // The starter and the thread's name repeat the idea in the channel: never a secret pasted into it.
            String shown = InboundText.clean(idea).text();
            Message starter = parent.get().sendMessage("<@" + who.id() + "> asked for: " + shorten(shown, 1800))
                    .setAllowedMentions(List.of(Message.MentionType.USER)).complete();
            thread = starter.createThreadChannel(shorten(shown.replaceAll("\\s+", " "), MAX_THREAD_NAME)).complete();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot start a thread in " + f.get("parent") + ": "
                    + e.getMessage());
            edit(hook, "I couldn't start a thread here (" + e.getMessage() + "). I need to send messages, create "
                    + "public threads and send messages in threads in this channel — ask an admin to check my role.");
            intake.finished(key, true);
            return;
        }
        edit(hook, "Started: " + thread.getAsMention());
        ThreadRef ref = new ThreadRef(DiscordGateway.PLATFORM, f.get("parent"), thread.getId());
        inThread(ref, key, () -> conversations.start(new InboundMessage(ref, who, idea, interaction)));
    }

    /** How an interaction fared in the inbox. */
    private enum Kept { NEW, DUPLICATE, FAILED }

    private Kept keep(Map<String, String> f) {
        try {
            return intake.accept(new InboundEvent(key(f), DiscordGateway.PLATFORM, f, clock.instant()))
                    ? Kept.NEW : Kept.DUPLICATE;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not keep a Discord " + f.get("type") + "; the person is told "
                    + "to try again: " + e.getMessage());
            return Kept.FAILED;
        }
    }

    /** What a turn needs of an interaction, to run it now or after a crash. */
    private static Map<String, String> fields(String type, String interaction, MessageChannel channel, User user,
                                              Member member, String text) {
        Map<String, String> f = new HashMap<>();
        f.put("type", type);
        f.put("eventId", interaction);
        f.put("user", user.getId());
        f.put("name", user.getEffectiveName());
        f.put("text", text);
        UserRef who = user(user, member);
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

    private static String key(Map<String, String> f) {
        return InboundEvent.key(DiscordGateway.PLATFORM, f.get("eventId"));
    }

    private static UserRef user(Map<String, String> f) {
        String name = f.get("name");
        String roles = f.get("roles");
        return new UserRef(f.get("user"), name == null || name.isBlank() ? "<@" + f.get("user") + ">" : name,
                roles == null ? Set.of() : Set.of(roles.split("\n")));
    }

    /** The conversation thread of an interaction, from what was kept of it. */
    private Optional<ThreadRef> threadOf(Map<String, String> f) {
        if (f.get("thread") != null) {
            return Optional.of(guildThread(f));
        }
        if (f.get("parent") == null) {
            return conversations.latestUnfinished(DiscordGateway.PLATFORM, DiscordGateway.dmChannel(f.get("user")))
                    .map(Conversation::thread);
        }
        return Optional.empty();
    }

    @Override
    public String platform() {
        return DiscordGateway.PLATFORM;
    }

    @Override
    public void replay(InboundEvent event) {
        if (!run(event.fields(), null)) {
            intake.finished(event.key(), false);
        }
    }

    /** Queues a kept interaction's work ({@code hook}: its answer, null when replayed); false when refused. */
    private boolean run(Map<String, String> f, InteractionHook hook) {
        String queue = f.get("parent") == null ? dmQueue(f.get("user"))
                : f.get("thread") != null ? guildThread(f).key() : channelQueue(f.get("parent"));
        String key = key(f);
        return switch (f.get("type")) {
            case "idea" -> queues.submit(f.get("parent") == null ? queue : channelQueue(f.get("parent")),
                    () -> startFromCommand(hook, f));
            case "answer" -> queues.submit(queue, () -> threadOf(f).ifPresentOrElse(
                    thread -> inThread(thread, key, () -> {
                        conversations.reply(new InboundMessage(thread, user(f), f.get("text"), f.get("eventId")));
                        edit(hook, "Noted: " + shorten(f.get("text"), 200));
                    }),
                    () -> {
                        edit(hook, "Answers go in a conversation's thread. Start one with `/wizard idea:`.");
                        intake.finished(key, true);
                    }));
            case "button" -> queues.submit(queue, () -> threadOf(f).ifPresentOrElse(thread ->
                    inThread(thread, key, () -> {
                        if (conversations.find(thread).isPresent()) {
                            conversations.reply(new InboundMessage(thread, user(f), f.get("text"), f.get("eventId")));
                        }
                    }), () -> intake.finished(key, true)));
            default -> {
                LOG.log(System.Logger.Level.WARNING, "unknown kind of stored Discord event: " + f.get("type"));
                intake.finished(key, true);
                yield true;
            }
        };
    }

    // ---- messages

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
            queues.submit(channelQueue(parent.getId()), () -> {
                ThreadChannel t;
                try {
                    t = m.createThreadChannel(shorten(InboundText.clean(idea).text().replaceAll("\\s+", " "),
                            MAX_THREAD_NAME)).complete();
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "cannot start a thread in " + parent.getId() + ": "
                            + e.getMessage());
                    return;
                }
                ThreadRef ref = new ThreadRef(DiscordGateway.PLATFORM, parent.getId(), t.getId());
                inThread(ref, () -> conversations.start(new InboundMessage(ref, user(author), idea, m.getId())));
            });
        }
    }

    /** A message in a thread: an answer when the thread holds a conversation, or a start when it mentions the bot. */
    private void threadMessage(Message m, ThreadChannel t) {
        seen(t.getId(), m.getId());
        if (m.getAuthor().isBot() || m.getAuthor().isSystem() || m.isWebhookMessage()) {
            return;
        }
        ThreadRef ref = guildThread(t);
        boolean mentioned = mentionsMe(m);
        String text = mentioned ? withoutMentions(m.getContentRaw()) : m.getContentRaw().strip();
        InboundMessage msg = new InboundMessage(ref, user(m.getAuthor(), m.getMember()), text, m.getId());
        queues.submit(ref.key(), () -> inThread(ref, () -> {
            // The bot hears every thread of its servers; most hold no conversation: the index answers those.
            if ((mentioned || conversations.mayHoldConversation(ref)) && conversations.find(ref).isPresent()) {
                if (text.isEmpty()) {
                    // Only an attachment or a sticker; or, without the intent, text Discord did not send.
                    if (!settings.messageContent() && !mentioned) {
                        unreadable(ref);
                    }
                    return;
                }
                conversations.reply(msg);
            } else if (mentioned && !text.isEmpty()) {
                conversations.start(msg);
            }
        }));
    }

    private void directMessage(Message m, User author) {
        String text = m.getContentRaw().strip();
        if (text.isEmpty() || author.isBot() || author.isSystem()) {
            return;
        }
        String channel = DiscordGateway.dmChannel(author.getId());
        queues.submit(queueKey(m.getChannel(), author), () -> {
            Optional<Conversation> open = conversations.latestUnfinished(DiscordGateway.PLATFORM, channel);
            ThreadRef ref = open.map(Conversation::thread)
                    .orElse(new ThreadRef(DiscordGateway.PLATFORM, channel, m.getId()));
            InboundMessage msg = new InboundMessage(ref, user(author), text, m.getId());
            inThread(ref, () -> {
                if (open.isPresent()) {
                    conversations.reply(msg);
                } else {
                    conversations.start(msg);
                }
            });
        });
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

    // ---- buttons

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        String id = event.getComponentId();
        if (!id.startsWith(DiscordGateway.CHOICE_PREFIX)) {
            return;
        }
        String value = id.substring(DiscordGateway.CHOICE_PREFIX.length());
        Map<String, String> f = fields("button", "interaction:" + event.getId(), event.getChannel(), event.getUser(),
                event.getMember(), value);
        // Kept before it is acknowledged, as a slash command is.
        Kept kept = keep(f);
        if (kept == Kept.FAILED) {
            event.reply(NOT_KEPT).setEphemeral(true).queue(null, e -> LOG.log(System.Logger.Level.WARNING,
                    "could not answer a button: " + e.getMessage()));
            return;
        }
        event.deferEdit().queue(null, e -> LOG.log(System.Logger.Level.WARNING, "could not acknowledge a button: "
                + e.getMessage()));
        if (kept == Kept.DUPLICATE) {
            return;
        }
        // Which conversation a DM button belongs to is a database question: asked in the queue, not here.
        // Who may press what is the conversation's rule, the same as for typing it.
        boolean queued = run(f, null);
        if (!queued) {
            intake.finished(key(f), false);
            event.getHook().sendMessage(BUSY).setEphemeral(true).queue(null, e -> LOG.log(
                    System.Logger.Level.WARNING, "could not say the bot is busy: " + e.getMessage()));
        }
    }

    // ---- helpers

    /**
     * The queue a channel's work runs on, so that one conversation's messages, answers and button presses keep their
     * order: one per thread (its {@link ThreadRef#key()}), one per channel for starting conversations there, one per
     * person's DMs (which DM conversation a message belongs to is a database question, asked in the queue).
     */
    private static String queueKey(MessageChannel channel, User user) {
        if (channel.getType() == ChannelType.PRIVATE) {
            return dmQueue(user.getId());
        }
        return channel.getType().isThread() ? guildThread((ThreadChannel) channel).key()
                : channelQueue(channel.getId());
    }

    private static String channelQueue(String channelId) {
        return "channel:" + channelId;
    }

    private static String dmQueue(String userId) {
        return "dm:" + userId;
    }

    /** The conversation thread a guild thread is. */
    private static ThreadRef guildThread(ThreadChannel t) {
        return new ThreadRef(DiscordGateway.PLATFORM, t.getParentChannel().getId(), t.getId());
    }

    /** The guild thread a kept interaction came from. */
    private static ThreadRef guildThread(Map<String, String> f) {
        return new ThreadRef(DiscordGateway.PLATFORM, f.get("parent"), f.get("thread"));
    }

    private static String channelKey(MessageChannel channel, User user) {
        if (channel.getType() == ChannelType.PRIVATE) {
            return DiscordGateway.dmChannel(user.getId());
        }
        if (channel.getType().isThread()) {
            return ((ThreadChannel) channel).getParentChannel().getId();
        }
        return channel.getId();
    }

    /** Runs {@code work} for {@code thread}; an unexpected failure is logged and the thread told, briefly. */
    private void inThread(ThreadRef thread, Runnable work) {
        Turns.guarded(thread, gateway, work);
    }

    /** {@link #inThread(ThreadRef, Runnable)} for a kept interaction: done when it ended, else tried again later. */
    private void inThread(ThreadRef thread, String eventKey, Runnable work) {
        intake.finished(eventKey, Turns.guarded(thread, gateway, work, true));
    }

    private boolean mentionsMe(Message m) {
        User self = m.getJDA().getSelfUser();
        return m.getMentions().getUsers().stream().anyMatch(u -> u.getIdLong() == self.getIdLong())
                || m.getContentRaw().contains("<@" + self.getId() + ">")
                || m.getContentRaw().contains("<@!" + self.getId() + ">");
    }

    private static String withoutMentions(String text) {
        return MENTION.matcher(text).replaceAll("").strip();
    }

    private static void edit(InteractionHook hook, String text) {
        if (hook == null) {
            return; // replayed after a crash: the interaction's own answer is gone with it
        }
        hook.editOriginal(shorten(text, DiscordGateway.MAX_CONTENT)).setAllowedMentions(List.of())
                .queue(null, e -> LOG.log(System.Logger.Level.WARNING, "could not answer the interaction: "
                        + e.getMessage()));
    }

    private static String option(OptionMapping o) {
        if (o == null) {
            return null;
        }
        String s = o.getAsString().strip();
        return s.isEmpty() ? null : s;
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static UserRef user(User u) {
        return user(u, null);
    }

    /** The person, with their server roles (ids and names) so the core can tell a configured admin role. */
    private static UserRef user(User u, Member member) {
        String name = u.getEffectiveName();
        Set<String> roles = new HashSet<>();
        if (member != null) {
            for (Role r : member.getRoles()) {
                roles.add(r.getId());
                roles.add(r.getName());
            }
        }
        return new UserRef(u.getId(), name == null || name.isBlank() ? "<@" + u.getId() + ">" : name, roles);
    }

}
