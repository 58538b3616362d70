package dev.aiwizard.discord;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.WizardException;
import dev.aiwizard.core.conversation.Conversation;
import dev.aiwizard.core.conversation.ConversationReads;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executor;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.events.session.SessionRecreateEvent;
import net.dv8tion.jda.api.events.session.ShutdownEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.CloseCode;

/**
 * The gateway session: at start the {@code /wizard} command is registered, and at start and after a session had to
 * be re-created, recent messages of each open conversation's thread or DM are read again and handed to the
 * {@link MessageHandler} as if they had just arrived (the core handles a message id once). Why Discord closed the
 * session is logged in words an operator can act on.
 */
final class CatchUp extends ListenerAdapter {
    private static final System.Logger LOG = System.getLogger(CatchUp.class.getName());
    /** How many open conversations, and how many recent messages of each, a catch-up reads. */
    private static final int CATCH_UP_CONVERSATIONS = 200;
    private static final int CATCH_UP_MESSAGES = 100;

    private final DiscordGateway gateway;
    private final ConversationReads reads;
    private final MessageHandler messages;
    private final DiscordSettings settings;
    private final Executor executor;

    CatchUp(DiscordGateway gateway, ConversationReads reads, MessageHandler messages, DiscordSettings settings,
            Executor executor) {
        this.gateway = requireNonNull(gateway, "gateway");
        this.reads = requireNonNull(reads, "reads");
        this.messages = requireNonNull(messages, "messages");
        this.settings = requireNonNull(settings, "settings");
        this.executor = requireNonNull(executor, "executor");
    }

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
                guild.updateCommands().addCommands(SlashCommandHandler.command()).queue(ok -> LOG.log(
                        System.Logger.Level.INFO, "/wizard registered in guild " + guild.getId()),
                        e -> LOG.log(System.Logger.Level.WARNING, "could not register /wizard in guild "
                                + guild.getId() + ": " + e.getMessage()));
            }
        } else if (jda.getShardInfo().getShardId() == 0) {
            // Global commands belong to the application: one shard registers them.
            jda.updateCommands().addCommands(SlashCommandHandler.command()).queue(ok -> LOG.log(
                    System.Logger.Level.INFO, "/wizard registered globally"), e -> LOG.log(
                    System.Logger.Level.WARNING, "could not register /wizard: " + e.getMessage()));
        }
    }

    /** Reads what arrived in open conversations' threads and DMs while the bot was not listening. */
    void catchUp(JDA jda, String why) {
        int read = 0;
        for (Conversation c : reads.listOpen(DiscordGateway.PLATFORM, CATCH_UP_CONVERSATIONS)) {
            MessageChannel channel = catchUpChannel(jda, c);
            if (channel == null) {
                continue; // another shard's guild or DMs, or a deleted thread
            }
            read++;
            try {
                String after = messages.cursor(channel.getId());
                List<Message> recent = after != null
                        ? channel.getHistoryAfter(after, CATCH_UP_MESSAGES).complete().getRetrievedHistory()
                        : channel.getHistory().retrievePast(CATCH_UP_MESSAGES).complete();
                recent.stream().sorted(Comparator.comparingLong(Message::getIdLong))
                        .filter(m -> !m.getTimeCreated().toInstant().isBefore(c.createdAt()))
                        .forEach(m -> {
                            if (channel instanceof ThreadChannel t) {
                                messages.threadMessage(m, t);
                            } else {
                                messages.seen(channel.getId(), m.getId());
                                messages.directMessage(m, m.getAuthor());
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
}
