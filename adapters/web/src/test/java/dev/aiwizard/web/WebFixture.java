package dev.aiwizard.web;

import dev.aiwizard.core.Telemetry;
import dev.aiwizard.core.access.ApiTokens;
import dev.aiwizard.core.chat.ChatRouter;
import dev.aiwizard.core.chat.InboundMessage;
import dev.aiwizard.core.chat.Intake;
import dev.aiwizard.core.chat.ThreadQueues;
import dev.aiwizard.core.chat.ThreadRef;
import dev.aiwizard.core.chat.TurnLimits;
import dev.aiwizard.core.chat.UserRef;
import dev.aiwizard.core.conversation.AdminPolicy;
import dev.aiwizard.core.conversation.ChatInbox;
import dev.aiwizard.core.conversation.Conversation;
import dev.aiwizard.core.conversation.ConversationService;
import dev.aiwizard.core.conversation.ConversationSettings;
import dev.aiwizard.core.testing.ShippedSettings;
import dev.aiwizard.core.conversation.Identities;
import dev.aiwizard.core.job.JobEvents;
import dev.aiwizard.core.job.JobFeed;
import dev.aiwizard.core.job.JobStore;
import dev.aiwizard.core.job.ObservedJobStore;
import dev.aiwizard.core.testing.MemoryApiTokenStore;
import dev.aiwizard.core.testing.MemoryUsageLedger;
import dev.aiwizard.core.testing.MemoryConversationStore;
import dev.aiwizard.core.testing.MemoryCoordination;
import dev.aiwizard.core.testing.MemoryInbox;
import dev.aiwizard.core.testing.MemoryJobStore;
import dev.aiwizard.core.testing.MemoryWebSessionStore;
import dev.aiwizard.core.testing.RecordingChat;
import dev.aiwizard.core.testing.ScriptedInterviewer;
import dev.aiwizard.web.testing.WebClient;
import io.helidon.webserver.WebServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * The web pages on a real server on 127.0.0.1, on the real core (conversation service, inbox, who-may rule) with
 * in-memory stores and a scripted interviewer; besides the web, a chat platform named {@code test} (a Slack-like
 * shared platform, its gateway recording what the bot says there).
 */
final class WebFixture implements AutoCloseable {
    final MemoryConversationStore conversations = new MemoryConversationStore();
    final MemoryWebSessionStore sessions = new MemoryWebSessionStore();
    final JobEvents jobEvents = new JobEvents();
    /** The job store as the bot has it: every stored change is published to the pages that follow the job. */
    final JobStore jobs = new ObservedJobStore(new MemoryJobStore(), jobEvents);
    final JobFeed feed = new JobFeed(jobs, jobEvents, Duration.ofMillis(200));
    final MemoryUsageLedger usage = new MemoryUsageLedger();
    final ApiTokens tokens = new ApiTokens(new MemoryApiTokenStore(), Clock.systemUTC());
    final List<JobParts.Setting> effective = List.of(new JobParts.Setting("WIZARD_PORT", "8080"),
            new JobParts.Setting("SLACK_BOT_TOKEN", "set (hidden)"));
    final RecordingChat chat = new RecordingChat();
    final WebGateway gateway = new WebGateway();
    final ConversationService service;
    final WebInbox inbox;
    final WebServer server;
    private final WebSurface web;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    /** The pages with {@code settings}, on a free port. */
    WebFixture(WebSettings settings) {
        this(base -> settings, Identities.none());
    }

    /** The pages with the settings {@code forBase} gives for the server's own address (its public URL). */
    WebFixture(Function<String, WebSettings> forBase, Identities identities) {
        int port = freePort();
        WebSettings settings = forBase.apply("http://127.0.0.1:" + port);
        ConversationSettings conversation = ShippedSettings.conversation()
                .withAdmins(WebSurface.admins(AdminPolicy.none(), settings)).withIdentities(identities);
        ChatRouter router = new ChatRouter().register(chat).register(gateway);
        service = new ConversationService(conversations, jobs, new MemoryCoordination(), new ScriptedInterviewer(),
                router, conversation, Clock.systemUTC(), () -> { }, Telemetry.NONE);
        Intake intake = new Intake(new MemoryInbox(), "replica-1", Duration.ofSeconds(30), 3,
                conversations::eventHandled);
        inbox = new WebInbox(new ChatInbox(service, intake, new ThreadQueues(executor, new TurnLimits(10, 100),
                "web"), gateway, Clock.systemUTC(), new ChatInbox.Policy(false, false)));
        web = new WebSurface(new WebSurface.Parts(settings, sessions, conversations, jobs, conversation.whoMay(),
                inbox, gateway, Clock.systemUTC(), "Local Person", Duration.ofMillis(100)), new JobParts(jobs, feed,
                Duration.ofSeconds(1), tokens, thread -> Optional.of("https://chat.example.com/" + thread.channel()),
                () -> effective, usage, (model, used) -> model.equals("openai/gpt-4.1")
                ? Optional.of(used.inputTokens() * 2.0 / 1_000_000 + used.outputTokens() * 8.0 / 1_000_000)
                : Optional.empty()));
        server = WebServer.builder().host("127.0.0.1").port(port).routing(r -> r.register(web)).build().start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /** A browser-like client of these pages, with its own cookies. */
    WebClient browser() {
        return new WebClient(base());
    }

    /** A conversation {@code who} started on the {@code test} platform (as in a Slack thread). */
    Conversation startedInChat(UserRef who, String idea) {
        ThreadRef thread = new ThreadRef("test", "general", "t-" + System.nanoTime());
        service.start(new InboundMessage(thread, who, idea, null));
        return conversations.findByThread(thread).orElseThrow();
    }

    /** Waits until the web's turns are done. */
    void idle() {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (inbox.isBusy()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the web's turns did not finish");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        feed.close();
        web.close();
        server.stop();
        executor.shutdownNow();
    }
}
