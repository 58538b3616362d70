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
import dev.aiwizard.core.chat.InboundEvent;
import dev.aiwizard.core.chat.InboundMessage;
import dev.aiwizard.core.chat.InboxReplayer;
import dev.aiwizard.core.chat.Intake;
import dev.aiwizard.core.chat.ThreadQueues;
import dev.aiwizard.core.chat.ThreadSieve;
import dev.aiwizard.core.chat.ThreadRef;
import dev.aiwizard.core.chat.Turns;
import dev.aiwizard.core.chat.UserRef;
import dev.aiwizard.core.conversation.ConversationService;
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
 * The Slack entry points, on a Bolt {@link App}: {@code /wizard}, mentions of the bot, replies in a conversation's
 * thread and presses of its buttons. Every handler keeps the event in the inbox, acknowledges, and leaves the
 * conversation work to a queue per thread, so Slack always hears back well within its three seconds and an
 * acknowledged event survives a crash (another replica replays it). Redeliveries carry the same event id and are
 * handled once (the conversation service records each event with its turn's writes). When the event cannot be
 * stored, a handler throws {@link EventNotKeptException}; when the queues are full or the bot is shutting down,
 * {@link SlackBusyException}: the HTTP endpoint answers both with 503 and Socket Mode leaves them unacknowledged, so
 * Slack retries. Nothing is taken that will not be done.
 */
public final class SlackBot implements InboxReplayer {
    private static final System.Logger LOG = System.getLogger(SlackBot.class.getName());
    /** How long a command answered in its acknowledgement may read: well inside Slack's three seconds. */
    private static final Duration OVERVIEW_WAIT = Duration.ofMillis(800);
    private static final Pattern MENTION = Pattern.compile("<@[A-Z0-9]+(?:\\|[^>]*)?>");

    private final App app;
    private final SlackGateway gateway;
    private final ConversationService conversations;
    private final ThreadSieve queues;
    private final Intake intake;
    private final Clock clock;

    /**
     * Handlers on {@code app}; events are kept through {@code intake}, turns run on {@code queues}, which bound them
     * and stop taking work at shutdown.
     */
    public SlackBot(App app, SlackGateway gateway, ConversationService conversations, Intake intake,
                    ThreadQueues queues, Clock clock) {
        this.app = requireNonNull(app, "app");
        this.gateway = requireNonNull(gateway, "gateway");
        this.conversations = requireNonNull(conversations, "conversations");
        this.intake = requireNonNull(intake, "intake");
        this.clock = requireNonNull(clock, "clock");
        this.queues = new ThreadSieve(conversations::mayHoldConversations, requireNonNull(queues, "queues"));
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
                // Answered in the acknowledgement, so bounded: a database that hangs must not cost Slack's 3 s.
                return ctx.ack(within(OVERVIEW_WAIT, () -> conversations.channelOverview(SlackGateway.PLATFORM,
                        p.getChannelId()), "I can't read this channel's conversations right now (my storage is not "
                        + "answering). Please try again in a minute."));
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
     * Keeps the event durably, then acknowledges it and queues its work; when it cannot be kept, this throws
     * {@link EventNotKeptException} so that Slack is answered 503 (over HTTP) or gets no acknowledgement (Socket
     * Mode) and delivers the event again, rather than an acknowledgement followed by silence.
     */
    private Response accepted(Map<String, String> f, Supplier<Response> ack, Consumer<String> tellCommander) {
        try {
            if (!intake.accept(new InboundEvent(InboundEvent.key(SlackGateway.PLATFORM, f.get("eventId")),
                    SlackGateway.PLATFORM, f, clock.instant()))) {
                // A retry of an event still in hand (this replica's or another's): acknowledged, run once.
                return ack.get();
            }
        } catch (RuntimeException e) {
            throw new EventNotKeptException("could not keep a Slack " + f.get("type") + " event; asking Slack to "
                    + "send it again: " + e.getMessage(), e);
        }
        if (!run(f, tellCommander)) {
            // Refused for now (full, or shutting down): taken back out of the inbox at once, so Slack's retry is a
            // new event rather than a duplicate of one nobody runs.
            intake.withdraw(InboundEvent.key(SlackGateway.PLATFORM, f.get("eventId")));
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
        if (!run(event.fields(), null)) {
            // Full or shutting down: its lease runs out and it is claimed again, here or elsewhere.
            intake.finished(event.key(), false);
        }
    }

    /**
     * Queues the work of an event kept in the inbox ({@code tellCommander}: the slash command's private answer);
     * false when the queues refused it.
     */
    private boolean run(Map<String, String> f, Consumer<String> tellCommander) {
        String eventKey = InboundEvent.key(SlackGateway.PLATFORM, f.get("eventId"));
        String channel = f.get("channel");
        UserRef who = user(f.get("user"), f.get("name"));
        String text = f.getOrDefault("text", "");
        return switch (f.get("type")) {
            case "command" -> queues.submit("channel:" + channel, () -> {
                String root;
                try {
                    // The root repeats the idea in the channel: never a secret pasted into it.
                    root = gateway.postRoot(channel, "<@" + who.id() + "> asked for: " + InboundText.clean(text).text());
                } catch (WizardException e) {
                    // Most often the bot is not in the channel; only the person who typed the command hears it.
                    LOG.log(System.Logger.Level.WARNING, "cannot start a conversation in " + channel + ": "
                            + e.getMessage());
                    if (tellCommander != null) {
                        tellCommander.accept("I couldn't start a thread here (" + e.getMessage() + "). If I'm not "
                                + "in this channel yet, invite me with `/invite @AI Wizard` and try again.");
                    }
                    intake.finished(eventKey, true);
                    return;
                }
                ThreadRef thread = new ThreadRef(SlackGateway.PLATFORM, channel, root);
                inThread(thread, eventKey, () -> conversations.start(new InboundMessage(thread, who, text,
                        f.get("eventId"))));
            });
            case "mention" -> {
                ThreadRef thread = new ThreadRef(SlackGateway.PLATFORM, channel, f.get("thread"));
                InboundMessage msg = new InboundMessage(thread, who, text, f.get("eventId"));
                yield queues.submit(thread.key(), () -> inThread(thread, eventKey, () -> {
                    if (conversations.find(thread).isPresent()) {
                        conversations.reply(msg);
                    } else {
                        conversations.start(msg);
                    }
                }));
            }
            case "message" -> {
                ThreadRef thread = new ThreadRef(SlackGateway.PLATFORM, channel, f.get("thread"));
                InboundMessage msg = new InboundMessage(thread, who, text, f.get("eventId"));
                // Most thread replies the bot hears are in threads without a conversation: the sieve drops those in
                // batches, after the acknowledgement, without the database.
                yield queues.submitIfConversation(thread, thread.key(), () -> inThread(thread, eventKey, () -> {
                    if (conversations.find(thread).isPresent()) {
                        conversations.reply(msg);
                    }
                }), () -> intake.finished(eventKey, true));
            }
            case "action" -> {
                ThreadRef thread = new ThreadRef(SlackGateway.PLATFORM, channel, f.get("thread"));
                // Who may press what is the conversation's rule, the same as for typing it.
                yield queues.submit(thread.key(), () -> inThread(thread, eventKey, () -> {
                    if (conversations.find(thread).isPresent()) {
                        conversations.reply(new InboundMessage(thread, who, text, f.get("eventId")));
                    }
                }));
            }
            default -> {
                LOG.log(System.Logger.Level.WARNING, "unknown kind of stored Slack event: " + f.get("type"));
                intake.finished(eventKey, true);
                yield true;
            }
        };
    }

    /**
     * Runs {@code work} for {@code thread}; an unexpected failure is logged and the thread told, briefly, and the
     * event is left in the inbox for another attempt.
     */
    private void inThread(ThreadRef thread, String eventKey, Runnable work) {
        intake.finished(eventKey, Turns.guarded(thread, gateway, work, true));
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
