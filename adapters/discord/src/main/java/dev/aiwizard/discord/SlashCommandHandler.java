package dev.aiwizard.discord;

import static dev.aiwizard.discord.DiscordRefs.edit;
import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.chat.ChatEvent;
import dev.aiwizard.core.conversation.ChatInbox;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.entities.channel.unions.MessageChannelUnion;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.IntegrationType;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * {@code /wizard}: an idea (a new conversation in a thread, or in the DM), an answer (for people who cannot send
 * plain replies), or help/status/list. The interaction is kept (ideas and answers), then acknowledged (deferred) at
 * once, so Discord hears back within its three seconds; the work runs in the core's inbox and the deferred reply is
 * edited when there is something to say.
 */
final class SlashCommandHandler extends ListenerAdapter {
    private static final System.Logger LOG = System.getLogger(SlashCommandHandler.class.getName());

    private final Interactions interactions;
    private final ChatInbox inbox;
    private final DiscordSettings settings;

    SlashCommandHandler(Interactions interactions, ChatInbox inbox, DiscordSettings settings) {
        this.interactions = requireNonNull(interactions, "interactions");
        this.inbox = requireNonNull(inbox, "inbox");
        this.settings = requireNonNull(settings, "settings");
    }

    /** The {@code /wizard} command as registered with Discord. */
    static SlashCommandData command() {
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

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        if (!event.getName().equals("wizard")) {
            return;
        }
        String idea = option(event.getOption("idea"));
        String answer = option(event.getOption("answer"));
        String show = option(event.getOption("show"));
        User user = event.getUser();
        MessageChannelUnion channel = event.getChannel();
        if (idea != null && show == null && List.of("help", "status", "list").contains(idea.toLowerCase(Locale.ROOT))) {
            // `/wizard idea:help` reads as Slack's `/wizard help`
            show = idea.toLowerCase(Locale.ROOT);
            idea = null;
        }
        Map<String, String> f = idea == null && answer == null ? null
                : Interactions.fields(idea != null ? "idea" : "answer", "interaction:" + event.getId(), channel, user,
                        event.getMember(), idea != null ? idea : answer);
        if (f != null && idea == null && Interactions.place(f).isEmpty()) {
            // An answer in a channel, outside any thread: no conversation lives there.
            event.deferReply(true).queue(null, e -> LOG.log(System.Logger.Level.WARNING,
                    "could not acknowledge /wizard: " + e.getMessage()));
            edit(event.getHook(), "Answers go in a conversation's thread. Start one with `/wizard idea:`.");
            return;
        }
        // Kept before it is acknowledged: work Discord was told "thinking…" about survives a crash. Acknowledged
        // right after (Discord allows three seconds), and only then is the work queued.
        InteractionHook hook = event.getHook();
        Runnable defer = () -> event.deferReply(true).queue(null, e -> LOG.log(System.Logger.Level.WARNING,
                "could not acknowledge /wizard: " + e.getMessage()));
        Interactions.Fate fate = null;
        if (f != null) {
            fate = interactions.accept(f, hook, defer);
        } else {
            defer.run();
        }
        if (fate == Interactions.Fate.NOT_KEPT) {
            event.reply(Interactions.NOT_KEPT).setEphemeral(true).queue(null, e -> LOG.log(
                    System.Logger.Level.WARNING, "could not answer /wizard: " + e.getMessage()));
            return;
        }
        if (fate == Interactions.Fate.DUPLICATE) {
            edit(hook, "Already on it.");
            return;
        }
        boolean status = "status".equals(show) || "list".equals(show);
        boolean queued = fate != null ? fate == Interactions.Fate.QUEUED
                : inbox.handle(new ChatEvent.Command(DiscordGateway.PLATFORM, channelKey(channel, user),
                        DiscordRefs.user(user, event.getMember()),
                        status ? ChatEvent.Command.Show.STATUS : ChatEvent.Command.Show.HELP,
                        text -> edit(hook, status ? text : text + "\nIn a conversation's thread, reply with your "
                                + "answers or `skip`, `generate`, `change <what>`, `status`, `cancel`"
                                + (settings.messageContent() ? "." : ", or use `/wizard answer:`."))));
        if (!queued) {
            edit(hook, Interactions.BUSY);
        }
    }

    /** The channel whose conversations a status lists: a thread's parent, or the person's DM. */
    private static String channelKey(MessageChannel channel, User user) {
        if (channel.getType() == ChannelType.PRIVATE) {
            return DiscordGateway.dmChannel(user.getId());
        }
        if (channel.getType().isThread()) {
            return ((ThreadChannel) channel).getParentChannel().getId();
        }
        return channel.getId();
    }

    private static String option(OptionMapping o) {
        if (o == null) {
            return null;
        }
        String s = o.getAsString().strip();
        return s.isEmpty() ? null : s;
    }
}
