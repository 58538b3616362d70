package dev.aiwizard.slack;

import static java.util.Objects.requireNonNull;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageEvent;
import dev.aiwizard.core.WizardException;
import dev.aiwizard.core.chat.InboundMessage;
import dev.aiwizard.core.chat.ThreadQueues;
import dev.aiwizard.core.chat.ThreadSieve;
import dev.aiwizard.core.chat.ThreadRef;
import dev.aiwizard.core.chat.Turns;
import dev.aiwizard.core.chat.UserRef;
import dev.aiwizard.core.conversation.ConversationService;
import java.time.Clock;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The Slack entry points, on a Bolt {@link App}: {@code /wizard}, mentions of the bot, replies in a conversation's
 * thread and presses of its buttons. Every handler acknowledges at once and leaves the conversation work to a queue
 * per thread, so Slack always hears back well within its three seconds. Redeliveries carry the same event id and are
 * handled once (the conversation service checks it through the coordination port). When the queues are full or the
 * bot is shutting down, a handler throws {@link SlackBusyException} instead, which the HTTP endpoint answers with 503
 * and Socket Mode leaves unacknowledged: Slack retries an event it did not get a 2xx for, and a person whose command
 * or press was refused sees Slack's error and can try again. Nothing is taken that will not be done.
 */
public final class SlackBot {
    private static final System.Logger LOG = System.getLogger(SlackBot.class.getName());
    private static final Pattern MENTION = Pattern.compile("<@[A-Z0-9]+(?:\\|[^>]*)?>");

    private final App app;
    private final SlackGateway gateway;
    private final ConversationService conversations;
    private final ThreadSieve queues;

    /** Handlers on {@code app}; turns run on {@code queues}, which bound them and stop taking work at shutdown. */
    public SlackBot(App app, SlackGateway gateway, ConversationService conversations, ThreadQueues queues) {
        this.app = requireNonNull(app, "app");
        this.gateway = requireNonNull(gateway, "gateway");
        this.conversations = requireNonNull(conversations, "conversations");
        this.queues = new ThreadSieve(conversations::mayHoldConversations, requireNonNull(queues, "queues"));
        app.command("/wizard", this::command);
        app.event(AppMentionEvent.class, this::mention);
        app.event(MessageEvent.class, this::message);
        app.blockAction(Pattern.compile(Pattern.quote(SlackMessages.ACTION_PREFIX) + "\\d+"), this::button);
    }

    /** A Bolt app for {@code settings}: the Web API at the configured URL, requests checked with the signing secret. */
    public static App app(SlackSettings settings) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(settings.methodsUrlPrefix());
        config.setPrettyResponseLoggingEnabled(false);
        AppConfig.AppConfigBuilder b = AppConfig.builder().singleTeamBotToken(settings.botToken())
                .slack(Slack.getInstance(config))
                // Bolt would ask auth.test on every request otherwise.
                .authTestCacheEnabled(true);
        if (settings.signingSecret() != null) {
            b.signingSecret(settings.signingSecret());
        } else {
            // Socket Mode only: nothing arrives over HTTP, and the endpoint is not registered.
            b.requestVerificationEnabled(false);
        }
        return new App(b.build());
    }

    /** A gateway posting with {@code app}'s Web API client. */
    public static SlackGateway gateway(App app, SlackSettings settings) {
        return new SlackGateway(app.client(), settings, d -> Thread.sleep(d), Clock.systemUTC());
    }

    public App app() {
        return app;
    }

    /** Whether queued work is still running (tests wait for quiet). */
    public boolean isBusy() {
        return queues.busy() > 0;
    }

    private Response command(SlashCommandRequest req, SlashCommandContext ctx) {
        var p = req.getPayload();
        String text = p.getText() == null ? "" : p.getText().strip();
        switch (text.toLowerCase(Locale.ROOT)) {
            case "", "help" -> {
                return ctx.ack(conversations.helpText(gateway.startHint()) + "\nIn a conversation's thread, reply "
                        + "with your answers or `skip`, `generate`, `change <what>`, `status`, `cancel`.");
            }
            case "status", "list" -> {
                return ctx.ack(conversations.channelOverview(SlackGateway.PLATFORM, p.getChannelId()));
            }
            default -> {
                UserRef who = user(p.getUserId(), p.getUserName());
                String channel = p.getChannelId();
                return accepted(queues.submit("channel:" + channel, () -> {
                    String root;
                    try {
                        root = gateway.postRoot(channel, "<@" + p.getUserId() + "> asked for: " + text);
                    } catch (WizardException e) {
                        // Most often the bot is not in the channel; only the person who typed the command hears it.
                        LOG.log(System.Logger.Level.WARNING, "cannot start a conversation in " + channel + ": "
                                + e.getMessage());
                        respond(ctx, "I couldn't start a thread here (" + e.getMessage() + "). If I'm not in this "
                                + "channel yet, invite me with `/invite @AI Wizard` and try again.");
                        return;
                    }
                    inThread(new ThreadRef(SlackGateway.PLATFORM, channel, root), () -> conversations.start(
                            new InboundMessage(new ThreadRef(SlackGateway.PLATFORM, channel, root), who, text,
                                    "command:" + p.getTriggerId())));
                }), ctx::ack);
            }
        }
    }

    private Response mention(EventsApiPayload<AppMentionEvent> payload, EventContext ctx) {
        AppMentionEvent e = payload.getEvent();
        if (e.getBotId() != null) {
            return ctx.ack();
        }
        String text = MENTION.matcher(e.getText() == null ? "" : e.getText()).replaceAll("").strip();
        String root = e.getThreadTs() != null ? e.getThreadTs() : e.getTs();
        ThreadRef thread = new ThreadRef(SlackGateway.PLATFORM, e.getChannel(), root);
        InboundMessage msg = new InboundMessage(thread, user(e.getUser(), null), text, payload.getEventId());
        return accepted(queues.submit(key(thread), () -> inThread(thread, () -> {
            if (conversations.find(thread).isPresent()) {
                conversations.reply(msg);
            } else {
                conversations.start(msg);
            }
        })), ctx::ack);
    }

    private Response message(EventsApiPayload<MessageEvent> payload, EventContext ctx) {
        MessageEvent e = payload.getEvent();
        boolean fromABot = e.getBotId() != null || e.getSubtype() != null
                || e.getUser() != null && e.getUser().equals(ctx.getBotUserId());
        boolean mentionsUs = ctx.getBotUserId() != null && e.getText() != null
                && e.getText().contains("<@" + ctx.getBotUserId() + ">");
        // Only replies in a thread count; a mention arrives as app_mention too and is handled there.
        if (fromABot || mentionsUs || e.getThreadTs() == null || e.getUser() == null) {
            return ctx.ack();
        }
        ThreadRef thread = new ThreadRef(SlackGateway.PLATFORM, e.getChannel(), e.getThreadTs());
        InboundMessage msg = new InboundMessage(thread, user(e.getUser(), null), e.getText() == null ? ""
                : e.getText(), payload.getEventId());
        // Most thread replies the bot hears are in threads without a conversation: the sieve drops those in batches,
        // after the acknowledgement, without the database.
        return accepted(queues.submitIfConversation(thread, key(thread), () -> inThread(thread, () -> {
            if (conversations.find(thread).isPresent()) {
                conversations.reply(msg);
            }
        })), ctx::ack);
    }

    private Response button(BlockActionRequest req, ActionContext ctx) {
        BlockActionPayload p = req.getPayload();
        if (p.getActions() == null || p.getActions().isEmpty() || p.getChannel() == null || p.getMessage() == null) {
            return ctx.ack();
        }
        String value = p.getActions().getFirst().getValue();
        String userId = p.getUser().getId();
        String root = p.getMessage().getThreadTs() != null ? p.getMessage().getThreadTs() : p.getMessage().getTs();
        ThreadRef thread = new ThreadRef(SlackGateway.PLATFORM, p.getChannel().getId(), root);
        // Who may press what is the conversation's rule, the same as for typing it.
        return accepted(queues.submit(key(thread), () -> inThread(thread, () -> {
            if (conversations.find(thread).isPresent()) {
                conversations.reply(new InboundMessage(thread, user(userId, p.getUser().getUsername()), value,
                        "action:" + p.getTriggerId()));
            }
        })), ctx::ack);
    }

    /** Slack's acknowledgement when the work was queued; when the queues refused it, a 503 (Slack retries). */
    private static Response accepted(boolean queued, Supplier<Response> ack) {
        if (!queued) {
            throw new SlackBusyException();
        }
        return ack.get();
    }

    /** Runs {@code work} for {@code thread}; an unexpected failure is logged and the thread told, briefly. */
    private void inThread(ThreadRef thread, Runnable work) {
        Turns.guarded(thread, gateway, work);
    }

    private static void respond(SlashCommandContext ctx, String text) {
        try {
            ctx.respond(text);
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "could not answer the command: " + e.getMessage());
        }
    }

    private static UserRef user(String id, String name) {
        return new UserRef(id, name == null || name.isBlank() ? "<@" + id + ">" : name);
    }

    private static String key(ThreadRef thread) {
        return thread.channel() + ":" + thread.thread();
    }
}
