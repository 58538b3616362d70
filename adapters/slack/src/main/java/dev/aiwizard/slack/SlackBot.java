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
import dev.aiwizard.core.chat.ChatEvent;
import dev.aiwizard.core.chat.InboundEvent;
import dev.aiwizard.core.chat.InboxReplayer;
import dev.aiwizard.core.chat.ThreadRef;
import dev.aiwizard.core.chat.UserRef;
import dev.aiwizard.core.conversation.ChatInbox;
import dev.aiwizard.core.retry.Sleeper;
import dev.aiwizard.core.text.InboundText;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The Slack entry points, on a Bolt {@link App}: {@code /wizard}, mentions of the bot, replies in threads and presses
 * of the conversation's buttons, each translated into the core's {@link ChatEvent} and handed to the
 * {@link ChatInbox}, which keeps it durably, queues its turn on its thread and decides everything else (whether the
 * thread holds a conversation, starting one, who may do what, duplicates, limits). So Slack always hears back well
 * within its three seconds and an acknowledged event survives a crash (another replica replays it). When the event
 * cannot be kept, a handler throws {@link EventNotKeptException}; when the queues are full or the bot is shutting
 * down, {@link SlackBusyException}: the HTTP endpoint answers both with 503 and Socket Mode leaves them
 * unacknowledged, so Slack retries. Nothing is taken that will not be done.
 */
public final class SlackBot implements InboxReplayer {
    private static final System.Logger LOG = System.getLogger(SlackBot.class.getName());
    /** How long a command answered in its acknowledgement may read: well inside Slack's three seconds. */
    private static final Duration OVERVIEW_WAIT = Duration.ofMillis(800);
    private static final Pattern MENTION = Pattern.compile("<@[A-Z0-9]+(?:\\|[^>]*)?>");

    private final App app;
    private final SlackGateway gateway;
    private final ChatInbox inbox;

    /** Handlers on {@code app}, handing what people do to {@code inbox} (kept there, turns queued per thread). */
    public SlackBot(App app, SlackGateway gateway, ChatInbox inbox) {
        this.app = requireNonNull(app, "app");
        this.gateway = requireNonNull(gateway, "gateway");
        this.inbox = requireNonNull(inbox, "inbox");
        app.command("/wizard", this::command);
        app.event(AppMentionEvent.class, this::mention);
        app.event(MessageEvent.class, this::message);
        app.blockAction(Pattern.compile(Pattern.quote(SlackMessages.ACTION_PREFIX) + "\\d+"), this::button);
    }

    /**
     * A Bolt app for {@code settings}, its Web API at the configured URL. It does not check signatures itself: HTTP
     * requests must pass {@link #requestSignature(SlackSettings, Clock)} before they are handed to it (Socket Mode
     * needs no signature; the WebSocket is authenticated by the app-level token).
     */
    public static App app(SlackSettings settings) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(settings.methodsUrlPrefix());
        config.setPrettyResponseLoggingEnabled(false);
        AppConfig.AppConfigBuilder b = AppConfig.builder().singleTeamBotToken(settings.botToken())
                .slack(Slack.getInstance(config))
                // Bolt would ask auth.test on every request otherwise.
                .authTestCacheEnabled(true)
                // Bolt's check accepts future timestamps and compares with String.equals; RequestSignature replaces it.
                .requestVerificationEnabled(false);
        return new App(b.build());
    }

    /** The check every HTTP request must pass before it reaches the app; empty in Socket Mode only. */
    public static Optional<RequestSignature> requestSignature(SlackSettings settings, Clock clock) {
        return Optional.ofNullable(settings.signingSecret()).map(secret -> new RequestSignature(secret, clock));
    }

    /** A gateway posting with {@code app}'s Web API client. */
    public static SlackGateway gateway(App app, SlackSettings settings) {
        return new SlackGateway(app.client(), settings, Sleeper.REAL, Clock.systemUTC());
    }

    public App app() {
        return app;
    }

    /** Whether queued work is still running (tests wait for quiet). */
    public boolean isBusy() {
        return inbox.isBusy();
    }

    private Response command(SlashCommandRequest req, SlashCommandContext ctx) {
        var p = req.getPayload();
        String text = p.getText() == null ? "" : p.getText().strip();
        switch (text.toLowerCase(Locale.ROOT)) {
            case "", "help" -> {
                return ctx.ack(inbox.help(gateway.startHint()) + "\nIn a conversation's thread, reply "
                        + "with your answers or `skip`, `generate`, `change <what>`, `status`, `cancel`.");
            }
            case "status", "list" -> {
                // Answered in the acknowledgement, so bounded: a database that hangs must not cost Slack's 3 s.
                return ctx.ack(within(OVERVIEW_WAIT, () -> inbox.overview(SlackGateway.PLATFORM, p.getChannelId()),
                        "I can't read this channel's conversations right now (my storage is not answering). Please "
                                + "try again in a minute."));
            }
            default -> {
                return accepted(fields("command", "command:" + p.getTriggerId(), p.getChannelId(), null,
                        p.getUserId(), p.getUserName(), text), ctx::ack, msg -> respond(ctx, msg));
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
        return accepted(fields("mention", payload.getEventId(), e.getChannel(), root, e.getUser(), null, text),
                ctx::ack, null);
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
        return accepted(fields("message", payload.getEventId(), e.getChannel(), e.getThreadTs(), e.getUser(), null,
                e.getText() == null ? "" : e.getText()), ctx::ack, null);
    }

    private Response button(BlockActionRequest req, ActionContext ctx) {
        BlockActionPayload p = req.getPayload();
        if (p.getActions() == null || p.getActions().isEmpty() || p.getChannel() == null || p.getMessage() == null) {
            return ctx.ack();
        }
        String root = p.getMessage().getThreadTs() != null ? p.getMessage().getThreadTs() : p.getMessage().getTs();
        return accepted(fields("action", "action:" + p.getTriggerId(), p.getChannel().getId(), root,
                p.getUser().getId(), p.getUser().getUsername(), p.getActions().getFirst().getValue()), ctx::ack, null);
    }

    /** What a turn needs of a Slack event, to run it now or after a crash. */
    private static Map<String, String> fields(String type, String eventId, String channel, String thread, String user,
                                              String name, String text) {
        Map<String, String> f = new HashMap<>();
        f.put("type", type);
        f.put("eventId", eventId);
        f.put("channel", channel);
        f.put("user", user);
        f.put("text", text);
        if (thread != null) {
            f.put("thread", thread);
        }
        if (name != null && !name.isBlank()) {
            f.put("name", name);
        }
        return f;
    }

    /**
     * Hands the event to the inbox, which keeps it durably and queues its turn, then acknowledges it; when it cannot
     * be kept, this throws {@link EventNotKeptException} so that Slack is answered 503 (over HTTP) or gets no
     * acknowledgement (Socket Mode) and delivers the event again, rather than an acknowledgement followed by silence.
     * When the queues refuse it for now (full, or shutting down), {@link SlackBusyException}: the inbox took it back
     * out, so Slack's retry is a new event rather than a duplicate of one nobody runs.
     */
    private Response accepted(Map<String, String> f, Supplier<Response> ack, Consumer<String> tellCommander) {
        ChatInbox.Outcome outcome;
        try {
            outcome = inbox.accept(event(f, tellCommander), f);
        } catch (RuntimeException e) {
            throw new EventNotKeptException("could not keep a Slack " + f.get("type") + " event; asking Slack to "
                    + "send it again: " + e.getMessage(), e);
        }
        if (outcome == ChatInbox.Outcome.BUSY) {
            throw new SlackBusyException();
        }
        return ack.get();
    }

    @Override
    public String platform() {
        return SlackGateway.PLATFORM;
    }

    @Override
    public void replay(InboundEvent event) {
        inbox.replay(event(event.fields(), null));
    }

    /**
     * The core's event for what was kept of a Slack event ({@code tellCommander}: the slash command's private
     * answer, null when replayed).
     */
    private ChatEvent event(Map<String, String> f, Consumer<String> tellCommander) {
        String eventId = f.get("eventId");
        String channel = f.get("channel");
        UserRef who = user(f.get("user"), f.get("name"));
        String text = f.getOrDefault("text", "");
        return switch (f.getOrDefault("type", "")) {
            case "command" -> new ChatEvent.NewConversation(SlackGateway.PLATFORM, channel, who, text, eventId,
                    () -> openThread(channel, who, text, tellCommander));
            case "mention" -> new ChatEvent.ThreadMessage(thread(f), who, text, eventId, ChatEvent.IfNone.START);
            case "message" -> new ChatEvent.ThreadMessage(thread(f), who, text, eventId, ChatEvent.IfNone.IGNORE);
            case "action" -> new ChatEvent.ChoicePressed(thread(f), who, text, eventId);
            default -> throw new IllegalArgumentException("unknown kind of stored Slack event: " + f.get("type"));
        };
    }

    private static ThreadRef thread(Map<String, String> f) {
        return new ThreadRef(SlackGateway.PLATFORM, f.get("channel"), f.get("thread"));
    }

    /** Posts a new conversation's root message in {@code channel}: its thread is the conversation's. */
    private Optional<ThreadRef> openThread(String channel, UserRef who, String text, Consumer<String> tellCommander) {
        try {
            // The root repeats the idea in the channel: never a secret pasted into it.
            String root = gateway.postRoot(channel, "<@" + who.id() + "> asked for: " + InboundText.clean(text).text());
            return Optional.of(new ThreadRef(SlackGateway.PLATFORM, channel, root));
        } catch (WizardException e) {
            // Most often the bot is not in the channel; only the person who typed the command hears it.
            LOG.log(System.Logger.Level.WARNING, "cannot start a conversation in " + channel + ": " + e.getMessage());
            if (tellCommander != null) {
                tellCommander.accept("I couldn't start a thread here (" + e.getMessage() + "). If I'm not "
                        + "in this channel yet, invite me with `/invite @AI Wizard` and try again.");
            }
            return Optional.empty();
        }
    }

    /** {@code answer} if it comes within {@code wait}, else {@code otherwise}. */
    private static String within(Duration wait, Supplier<String> answer, String otherwise) {
        try {
            return CompletableFuture.supplyAsync(answer, command -> Thread.ofVirtual().start(command))
                    .get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            LOG.log(System.Logger.Level.WARNING, "a Slack command could not be answered in time: " + e);
            return otherwise;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return otherwise;
        }
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
}
