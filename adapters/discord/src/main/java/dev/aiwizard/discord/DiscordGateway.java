package dev.aiwizard.discord;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.WizardException;
import dev.aiwizard.core.chat.BotMessage;
import dev.aiwizard.core.chat.ChatGateway;
import dev.aiwizard.core.chat.Choice;
import dev.aiwizard.core.chat.MessageRef;
import dev.aiwizard.core.chat.ThreadRef;
import dev.aiwizard.core.chat.UserRef;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.PrivateChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;

/**
 * Posts the bot's messages to Discord through JDA (whose rate limiting and retries apply). A conversation lives in a
 * guild thread ({@code channel} the parent channel, {@code thread} the thread's id) or in a DM ({@code channel}
 * {@code dm-<user id>}, {@code thread} the id of the message that started it). Text longer than Discord's 2,000
 * characters per message is split at line breaks; a message's choices become buttons on its last part (at most 25,
 * five rows of five). Mentions in the bot's messages can only ping users, never {@code @everyone} or roles.
 */
public final class DiscordGateway implements ChatGateway {
    public static final String PLATFORM = "discord";
    /** Discord's limit on a message's content. */
    public static final int MAX_CONTENT = 2000;
    /** Prefix of the custom id of a choice button; the choice's value follows. */
    public static final String CHOICE_PREFIX = "wizard:";
    private static final String DM_PREFIX = "dm-";
    private static final int MAX_BUTTONS = 25;
    private static final int MAX_LABEL = 80;
    private static final int MAX_CUSTOM_ID = 100;
    private static final EnumSet<Message.MentionType> MENTIONS = EnumSet.of(Message.MentionType.USER);

    private final Supplier<ShardManager> shards;
    /** DM channels by user id: without the members intent, finding one costs two REST calls. */
    private final Map<String, PrivateChannel> dms = new ConcurrentHashMap<>();

    /** {@code shards} is asked on each post, so the gateway can exist before the connection does. */
    public DiscordGateway(Supplier<ShardManager> shards) {
        this.shards = requireNonNull(shards, "shards");
    }

    /** The channel of a conversation in {@code userId}'s DMs (a stored value: keep its form). */
    static String dmChannel(String userId) {
        return DM_PREFIX + userId;
    }

    /** Whether {@code thread} is a conversation in someone's DMs. */
    static boolean isDm(ThreadRef thread) {
        return thread.channel().startsWith(DM_PREFIX);
    }

    @Override
    public String platform() {
        return PLATFORM;
    }

    @Override
    public MessageRef post(ThreadRef thread, BotMessage message) {
        MessageChannel channel = channel(thread);
        List<String> parts = split(message.text());
        String last = null;
        try {
            for (int i = 0; i < parts.size(); i++) {
                MessageCreateBuilder b = new MessageCreateBuilder().setContent(parts.get(i))
                        .setAllowedMentions(MENTIONS);
                if (i == parts.size() - 1) {
                    b.setComponents(rows(message.choices()));
                }
                last = channel.sendMessage(b.build()).complete().getId();
            }
        } catch (ErrorResponseException | InsufficientPermissionException e) {
            throw new WizardException("Discord refused a message in " + describe(thread) + ": " + e.getMessage(), e);
        }
        return new MessageRef(thread, last);
    }

    @Override
    public void update(MessageRef ref, BotMessage message) {
        MessageChannel channel = channel(ref.thread());
        String text = message.text().length() <= MAX_CONTENT ? message.text()
                : message.text().substring(0, MAX_CONTENT - 1) + "…";
        try {
            channel.editMessageById(ref.messageId(), new MessageEditBuilder().setContent(text)
                    .setAllowedMentions(MENTIONS).setComponents(rows(message.choices())).build()).complete();
        } catch (ErrorResponseException | InsufficientPermissionException e) {
            throw new WizardException("Discord refused an edit in " + describe(ref.thread()) + ": " + e.getMessage(),
                    e);
        }
    }

    @Override
    public String mention(UserRef user) {
        return "<@" + user.id() + ">";
    }

    @Override
    public String startHint() {
        return "/wizard idea:<idea>";
    }

    @Override
    public String link(ThreadRef thread) {
        if (isDm(thread)) {
            return "a Discord DM with <@" + thread.channel().substring(DM_PREFIX.length()) + ">";
        }
        ThreadChannel t = shards.get() == null ? null : shards.get().getThreadChannelById(thread.thread());
        return t != null ? t.getJumpUrl() : "the Discord thread " + thread.thread();
    }

    /** Where {@code thread}'s messages go. */
    /** A server channel by id (where a conversation's thread is started), if the bot sees it. */
    java.util.Optional<net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel> guildChannel(String id) {
        ShardManager sm = shards.get();
        return sm == null ? java.util.Optional.empty() : java.util.Optional.ofNullable(
                sm.getChannelById(net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel.class, id));
    }

    MessageChannel channel(ThreadRef thread) {
        ShardManager sm = shards.get();
        if (sm == null) {
            throw new WizardException("Discord is not connected yet");
        }
        if (isDm(thread)) {
            String userId = thread.channel().substring(DM_PREFIX.length());
            PrivateChannel known = dms.get(userId);
            if (known != null) {
                return known;
            }
            try {
                PrivateChannel dm = sm.retrieveUserById(userId).complete().openPrivateChannel().complete();
                dms.put(userId, dm);
                return dm;
            } catch (ErrorResponseException e) {
                throw new WizardException("cannot open a DM with Discord user " + userId + ": " + e.getMessage(), e);
            }
        }
        GuildMessageChannel c = sm.getThreadChannelById(thread.thread());
        if (c == null) {
            c = sm.getTextChannelById(thread.thread());
        }
        if (c == null) {
            throw new WizardException("the Discord thread " + thread.thread() + " is gone or not visible to the bot");
        }
        return c;
    }

    private static String describe(ThreadRef thread) {
        return isDm(thread) ? "a DM" : "thread " + thread.thread();
    }

    /** {@code text} in parts of at most {@link #MAX_CONTENT} characters, cut at line breaks where possible. */
    static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        String rest = text.isBlank() ? "…" : text;
        while (rest.length() > MAX_CONTENT) {
            int cut = rest.lastIndexOf('\n', MAX_CONTENT);
            if (cut < MAX_CONTENT / 2) {
                cut = rest.lastIndexOf(' ', MAX_CONTENT);
            }
            if (cut < MAX_CONTENT / 2) {
                cut = MAX_CONTENT;
                // never split a surrogate pair
                if (Character.isHighSurrogate(rest.charAt(cut - 1))) {
                    cut--;
                }
            }
            parts.add(rest.substring(0, cut));
            rest = rest.substring(cut).stripLeading();
        }
        if (!rest.isEmpty()) {
            parts.add(rest);
        }
        return parts;
    }

    /** Buttons for {@code choices}, five to a row. */
    static List<ActionRow> rows(List<Choice> choices) {
        List<ActionRow> rows = new ArrayList<>();
        List<Button> row = new ArrayList<>();
        for (Choice c : choices.subList(0, Math.min(choices.size(), MAX_BUTTONS))) {
            String id = CHOICE_PREFIX + c.value();
            if (id.length() > MAX_CUSTOM_ID) {
                // A value this long is no likely answer; typing it is still possible.
                continue;
            }
            String label = c.label().length() <= MAX_LABEL ? c.label() : c.label().substring(0, MAX_LABEL - 1) + "…";
            row.add(switch (c.value()) {
                case "generate" -> Button.success(id, label);
                case "cancel" -> Button.danger(id, label);
                default -> Button.secondary(id, label);
            });
            if (row.size() == 5) {
                rows.add(ActionRow.of(row));
                row = new ArrayList<>();
            }
        }
        if (!row.isEmpty()) {
            rows.add(ActionRow.of(row));
        }
        return rows;
    }
}
