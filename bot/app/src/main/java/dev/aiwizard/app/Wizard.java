package dev.aiwizard.app;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.app.api.ApiService;
import dev.aiwizard.app.api.HealthService;
import dev.aiwizard.app.config.ApiSettings;
import dev.aiwizard.app.config.AppSettings;
import dev.aiwizard.app.config.EffectiveSettings;
import com.slack.api.bolt.App;
import dev.aiwizard.core.job.ProjectLimits;
import dev.aiwizard.generator.llm.LlmSettings;
import dev.aiwizard.git.GitHubSettings;
import java.nio.file.Path;
import net.dv8tion.jda.api.sharding.ShardManager;
import dev.aiwizard.app.slack.SlackEndpoint;
import dev.aiwizard.app.slack.SlackSocketMode;
import dev.aiwizard.console.ConsoleAdapter;
import dev.aiwizard.console.ConsoleGateway;
import dev.aiwizard.discord.DiscordBot;
import dev.aiwizard.discord.DiscordConnection;
import dev.aiwizard.discord.DiscordGateway;
import dev.aiwizard.sandbox.BubblewrapSandbox;
import dev.aiwizard.sandbox.KubernetesSandbox;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import dev.aiwizard.slack.SlackBot;
import dev.aiwizard.slack.SlackGateway;
import dev.aiwizard.slack.SlackSettings;
import dev.aiwizard.core.Ids;
import dev.aiwizard.core.Telemetry;
import dev.aiwizard.core.WizardException;
import dev.aiwizard.core.chat.ChatRouter;
import dev.aiwizard.core.chat.Intake;
import dev.aiwizard.core.chat.ThreadQueues;
import dev.aiwizard.core.chat.TurnLimits;
import dev.aiwizard.core.chat.UserRef;
import dev.aiwizard.core.conversation.ChatInbox;
import dev.aiwizard.core.conversation.ConversationService;
import dev.aiwizard.core.conversation.ConversationSettings;
import dev.aiwizard.core.conversation.Interviewer;
import dev.aiwizard.core.coordination.Coordination;
import dev.aiwizard.core.coordination.InProcessCoordination;
import dev.aiwizard.core.job.CodeGenerator;
import dev.aiwizard.core.job.GenerationWorker;
import dev.aiwizard.core.access.ApiTokens;
import dev.aiwizard.core.job.JobEvents;
import dev.aiwizard.core.job.JobFeed;
import dev.aiwizard.core.job.JobRunner;
import dev.aiwizard.core.job.JobStore;
import dev.aiwizard.core.job.ObservedJobStore;
import dev.aiwizard.core.request.ApiGateway;
import dev.aiwizard.core.request.JobRequestService;
import dev.aiwizard.core.request.JobRequestSettings;
import dev.aiwizard.core.job.ProjectValidator;
import dev.aiwizard.core.job.RecordingPublisher;
import dev.aiwizard.core.job.Verification;
import dev.aiwizard.core.sandbox.Sandbox;
import dev.aiwizard.core.sandbox.SandboxSettings;
import dev.aiwizard.core.sandbox.SandboxValidator;
import dev.aiwizard.generator.interview.OfflineInterviewer;
import dev.aiwizard.generator.llm.LlmCodeGenerator;
import dev.aiwizard.generator.llm.LlmInterviewer;
import dev.aiwizard.generator.llm.ModelGateway;
import dev.aiwizard.generator.offline.OfflineCodeGenerator;
import dev.aiwizard.generator.stack.StackCatalog;
import dev.aiwizard.generator.stack.StackOption;
import dev.aiwizard.app.config.ConfigException;
import dev.aiwizard.app.github.GitHubWebhookService;
import dev.aiwizard.git.GitHubReviews;
import dev.aiwizard.git.GitPublisher;
import dev.aiwizard.git.GitSettings;
import dev.aiwizard.storage.Storage;
import dev.aiwizard.storage.StorageSettings;
import dev.aiwizard.web.JobParts;
import dev.aiwizard.web.WebGateway;
import dev.aiwizard.web.WebInbox;
import dev.aiwizard.web.WebSurface;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.observe.ObserveFeature;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * The running bot, wired by hand in one place: storage, coordination, chat gateways, engines, the job runner and
 * the web server. Closing it (SIGTERM runs {@link #close()} through a shutdown hook) drains before it stops: no new
 * work is taken (Slack gets 503 and retries, Discord events are no longer read), the chat turns already accepted
 * finish within the grace period, and only then do the web server, the job runner, coordination and storage close,
 * in that order. Turns that could not finish in time are logged by thread.
 */
public final class Wizard implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Wizard.class.getName());

    private final Deque<AutoCloseable> closeables = new ArrayDeque<>();
    /** How new work stops arriving, run first on close. */
    private final List<Runnable> intakes = new ArrayList<>();
    /** Where accepted chat turns wait and run: drained on close within the grace period. */
    private final List<ThreadQueues> turnQueues = new ArrayList<>();
    private final List<ExecutorService> turnExecutors = new ArrayList<>();
    private final Duration shutdownGrace;
    /** How long turns already running may still take once the grace period is over. */
    private static final Duration RUNNING_TURNS_GRACE = Duration.ofSeconds(3);
    private boolean closed;
    private long shutdownDeadline;
    private final Storage storage;
    private final String modelDescription;
    private final String gitHubDescription;
    private final Coordination coordination;
    private final ConsoleGateway console;
    private final ChatInbox consoleInbox;
    private SlackBot slack;
    private DiscordBot discord;
    private volatile ShardManager discordShards;
    private final ConversationService conversations;
    private final Intake intake;
    /** This process among the bot's replicas: it owns the jobs and chat events it holds under this name. */
    private final String replica;
    private final JobRunner runner;
    /** The job store everything writes through, which tells the job API's event streams of each change. */
    private final JobStore jobStore;
    private final WebServer server;
    private boolean storageOwned;

    private Wizard(AppSettings settings, PrintStream consoleOut) {
        Clock clock = Clock.systemUTC();
        shutdownGrace = settings.resilience().shutdownGrace();
        // Opening the database (and checking its schema) is the slowest step of start-up; the engines and the
        // observability set-up are built on this thread meanwhile.
        CompletableFuture<Storage> opening = CompletableFuture.supplyAsync(() -> Storage.open(storageSettings(settings)),
                command -> Thread.ofVirtual().name("storage-open").start(command));
        try {
            ChatRouter chat = new ChatRouter();
            console = new ConsoleGateway(consoleOut);
            chat.register(console);
            // Conversations started through the job API have no chat: the bot's words are only stored.
            chat.register(new ApiGateway());
            WebGateway webGateway = new WebGateway();
            chat.register(webGateway);
            App slackApp = settings.chat().slack() == null ? null : SlackBot.app(settings.chat().slack());
            SlackGateway slackGateway = slackApp == null ? null : SlackBot.gateway(slackApp, settings.chat().slack());
            if (slackGateway != null) {
                chat.register(slackGateway);
            }
            // The gateway exists before the shards do (the engine needs it); it asks for them on each post.
            DiscordGateway discordGateway = settings.chat().discord() == null ? null
                    : new DiscordGateway(() -> discordShards);
            if (discordGateway != null) {
                chat.register(discordGateway);
            }
            AppSettings.Delivery delivery = settings.delivery();
            Path dataDir = settings.persistence().dataDir();
            ProjectLimits limits = settings.engine().jobs().limits();
            GitSettings git = new GitSettings(dataDir.resolve("repos"), delivery.target(), delivery.authorName(),
                    delivery.authorEmail(), dataDir.resolve("work"), delivery.allowedTargets())
                    .withAllowedProtected(limits.allowedProtected());
            MetricsTelemetry telemetry = push(new MetricsTelemetry(settings.engine().prices()));
            GitPublisher publisher = new GitPublisher(git, settings.delivery().github(), telemetry);
            LlmSettings llm = settings.engine().llm();
            ModelGateway model = llm.usesModel() ? ModelGateway.connect(llm, telemetry) : null;
            if (model != null) {
                String provider = settings.engine().llm().provider().id();
                telemetry.modelPaused(provider, model::paused);
                List<String> models = new ArrayList<>(settings.engine().llm().roleModels().values());
                models.add(settings.engine().llm().model());
                models.addAll(settings.engine().conversation().allowedModels());
                telemetry.warnUnpriced(provider, models);
            }
            modelDescription = settings.engine().llm().describe();
            GitHubSettings github = delivery.github();
            gitHubDescription = !github.enabled() ? "not configured" : (github.usesApp()
                    ? "app " + github.appId() : "token") + " at " + github.apiUrl();
            AtomicReference<Coordination> coordinationRef = new AtomicReference<>();
            ObserveFeature observe = HttpRoutes.observe();
            HealthService health = new HealthService(List.of(
                    new HealthService.Check("database", () -> opening.isDone() && !opening.isCompletedExceptionally()
                            && opening.join().ping()),
                    new HealthService.Check("coordination", () -> coordinationRef.get() != null
                            && coordinationRef.get().isHealthy(), () -> coordinationRef.get() == null ? null
                            : coordinationRef.get().degradation())), settings.server().apiToken());
            storage = push(await(opening));
            storageOwned = true;
            // Every job write goes through here, so the job API's event streams hear each change as it is stored.
            JobEvents jobEvents = new JobEvents();
            jobStore = new ObservedJobStore(storage.jobs(), jobEvents);
            coordination = push(storage.coordination(settings.persistence().redisUrl()));
            coordinationRef.set(coordination);
            OfflineInterviewer offline = new OfflineInterviewer(StackCatalog.builtIn(), settings.delivery().target());
            Interviewer interviewer = model == null ? offline
                    : new LlmInterviewer(model, offline, StackCatalog.builtIn(), storage.usageLedger(), clock);
            CodeGenerator generator = model == null ? new OfflineCodeGenerator(limits)
                    : new LlmCodeGenerator(model, new OfflineCodeGenerator(limits), limits,
                            storage.generationCache(), storage.usageLedger(), clock);
            SandboxSettings validation = settings.validation().sandbox();
            // Model-written code runs only in the sandbox; with validation off nothing runs and delivery says so.
            ProjectValidator validator = validation.mode() == SandboxSettings.Mode.ALWAYS
                    ? timed(new SandboxValidator(sandbox(settings), validation), telemetry) : null;
            GenerationWorker worker = new GenerationWorker(jobStore, storage.conversations(),
                    generator, new RecordingPublisher(publisher, storage.conversations()), chat,
                    settings.engine().jobs(), clock,
                    validator, validation.repairRounds());
            replica = "replica-" + Ids.random(6);
            runner = push(new JobRunner(jobStore, worker, settings.engine().jobs(), clock, "worker-" + replica,
                    telemetry));
            // The web pages' admins (and, without sign-in, the local user) decide like the platforms' own admins.
            ConversationSettings conversationSettings = settings.engine().conversation().withAdmins(
                    WebSurface.admins(settings.engine().conversation().admins(), settings.server().web()));
            conversations = new ConversationService(storage.conversations(), jobStore, coordination,
                    interviewer, chat, conversationSettings, clock, runner::wake, telemetry);
            ApiSettings apiLimits = settings.server().api();
            JobRequestService jobRequests = new JobRequestService(storage.conversations(), jobStore,
                    storage.jobRequests(), coordination, interviewer, conversationSettings,
                    new JobRequestSettings(apiLimits.maxIdeaLength(), apiLimits.jobsPerMinute(),
                            apiLimits.cacheFor(), StackCatalog.builtIn().stacks().stream()
                            .map(StackOption::id).collect(Collectors.toSet()),
                            modelDescription + "; default target " + settings.delivery().target()),
                    clock, runner::wake, telemetry);
            JobFeed jobFeed = new JobFeed(jobStore, jobEvents, apiLimits.eventsTail());
            ApiTokens apiTokens = new ApiTokens(storage.apiTokens(), clock);
            ApiService.Parts api = new ApiService.Parts(storage.conversations(), jobStore, jobRequests,
                    apiTokens, jobFeed, settings.server().apiToken(), apiLimits.keepAlive());
            runner.start();
            // Closed before the queues and storage: what is still in hand goes back to the inbox for another replica.
            intake = new Intake(storage.inbox(), replica, settings.chat().intake().lease(),
                    settings.chat().intake().maxAttempts(),
                    storage.conversations()::eventHandled);
            GitHubWebhookService webhooks = webhooks(settings, publisher, intake, clock);
            if (webhooks != null) {
                intake.register(webhooks);
            }
            TurnLimits turns = settings.resilience().turns();
            // One person at the terminal: nothing to acknowledge or redeliver, and no thread without a conversation
            // to sieve (every line there is addressed to the bot).
            consoleInbox = new ChatInbox(conversations, intake, turnQueues(ConsoleGateway.PLATFORM,
                    turnExecutor(ConsoleGateway.PLATFORM), turns, telemetry), console, clock,
                    new ChatInbox.Policy(false, false));
            slack = slackApp == null ? null : new SlackBot(slackApp, slackGateway, new ChatInbox(conversations, intake,
                    turnQueues(SlackGateway.PLATFORM, turnExecutor(SlackGateway.PLATFORM), turns, telemetry),
                    slackGateway, clock, new ChatInbox.Policy(true, true)));
            if (slack != null) {
                intake.register(slack);
            }
            WebInbox webInbox = new WebInbox(new ChatInbox(conversations, intake, turnQueues(WebGateway.PLATFORM,
                    turnExecutor(WebGateway.PLATFORM), turns, telemetry), webGateway, clock,
                    new ChatInbox.Policy(false, false)));
            intake.register(webInbox);
            push(intake.start());
            List<JobParts.Setting> effective = EffectiveSettings.of(settings);
            WebSurface web = new WebSurface(new WebSurface.Parts(settings.server().web(), storage.webSessions(),
                    storage.conversations(), jobStore, conversationSettings.whoMay(), webInbox, webGateway, clock,
                    System.getProperty("user.name", "you"), apiLimits.eventsTail()),
                    new JobParts(jobStore, jobFeed, apiLimits.keepAlive(), apiTokens,
                            ThreadAddresses.of(settings), () -> effective, storage.usageLedger(),
                            (priced, used) -> Optional.ofNullable(settings.engine().prices().byModel().get(priced))
                                    .map(p -> p.cost(used.inputTokens(), used.outputTokens()))));
            boolean slackOverHttp = slack != null && settings.chat().slack().signingSecret() != null;
            SlackEndpoint slackEndpoint = slackOverHttp ? new SlackEndpoint(slackApp,
                    SlackBot.requestSignature(settings.chat().slack(), clock).orElseThrow(),
                    (status, took) -> telemetry.acknowledged(SlackGateway.PLATFORM, "http", status, took)) : null;
            if (slackEndpoint != null) {
                intakes.add(slackEndpoint::shed);
            }
            if (discordGateway != null) {
                ExecutorService executor = turnExecutor(DiscordGateway.PLATFORM);
                discord = new DiscordBot(discordGateway, new ChatInbox(conversations, intake,
                        turnQueues(DiscordGateway.PLATFORM, executor, turns, telemetry), discordGateway, clock,
                        new ChatInbox.Policy(false, false)), storage.conversations(), settings.chat().discord(),
                        executor, clock);
                intake.register(discord);
                discordShards = DiscordConnection.start(settings.chat().discord(),
                        (status, took) -> telemetry.acknowledged(DiscordGateway.PLATFORM, "gateway", status, took),
                        discord.listeners());
                // The shards stay connected while turns drain (their replies go through them); only reading stops.
                intakes.add(() -> discordShards.removeEventListener(discord.listeners()));
                push(discordShards::shutdown);
            }
            server = WebServer.builder()
                    .host(settings.server().host())
                    .port(settings.server().port())
                    // A flood is answered 503 (Slack and GitHub send again later) instead of holding ever more bodies.
                    .maxConcurrentRequests(settings.resilience().httpInFlight())
                    .addFeature(observe)
                    .contentEncoding(HttpRoutes.contentEncoding())
                    .routing(HttpRoutes.builder(health, api).slack(slackEndpoint).gitHubWebhooks(webhooks).web(web)
                            .build()::routing)
                    .build()
                    .start();
            push(server::stop);
            // Closed before the server stops: open event streams end instead of holding the shutdown up.
            push(jobFeed);
            push(web);
            if (slack != null && settings.chat().slack().socketMode()) {
                socketMode(slackApp, settings.chat().slack(),
                        (status, took) -> telemetry.acknowledged(SlackGateway.PLATFORM, "socket_mode", status, took));
            }
            if (!server.isRunning() || server.port() < 0) {
                // Helidon logs a bind failure and carries on without a listener; the operator must hear about it.
                throw new WizardException("cannot listen on " + settings.server().host() + ":"
                        + settings.server().port()
                        + " (is another process using that port?). Set WIZARD_PORT or --port to another port.");
            }
        } catch (RuntimeException e) {
            close();
            if (!storageOwned) {
                // Start-up failed elsewhere while the database was still opening: close it once it is open.
                opening.thenAccept(Storage::close);
            }
            throw e;
        }
    }

    /** The opened storage, or the exception that stopped it, unwrapped so callers see the storage's own message. */
    /**
     * The sandbox {@code WIZARD_SANDBOX} names: bubblewrap on this node, or Jobs in the cluster the pod runs in (the
     * client finds it through the service account, or a kubeconfig outside one).
     */
    private Sandbox sandbox(AppSettings settings) {
        if (settings.validation().kubernetes() == null) {
            return new BubblewrapSandbox(settings.validation().sandbox());
        }
        return new KubernetesSandbox(push(new KubernetesClientBuilder().build()), settings.validation().sandbox(),
                settings.validation().kubernetes());
    }

    private static Storage await(CompletableFuture<Storage> opening) {
        try {
            return opening.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Starts the bot with {@code settings}; console messages go to {@code consoleOut}. */
    public static Wizard start(AppSettings settings, PrintStream consoleOut) {
        return new Wizard(requireNonNull(settings, "settings"), requireNonNull(consoleOut, "consoleOut"));
    }

    private static StorageSettings storageSettings(AppSettings s) {
        AppSettings.Persistence p = s.persistence();
        return p.dbUrl().isEmpty() ? StorageSettings.embedded(p.dataDir(), s.resilience().db())
                : new StorageSettings(p.dbUrl(), p.dbUser(), p.dbPassword(), p.dbPoolSize(), s.resilience().db());
    }

    /**
     * Virtual threads for one platform's turns: at most one runs per queue key, so the queues' limits bound them.
     * Stopped after the turns drained.
     */
    private ExecutorService turnExecutor(String platform) {
        ExecutorService executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name(platform + "-", 0)
                .factory());
        turnExecutors.add(executor);
        return executor;
    }

    /** Bounded queues for one platform's turns, drained on close. */
    private ThreadQueues turnQueues(String platform, ExecutorService executor, TurnLimits limits,
                                    MetricsTelemetry telemetry) {
        ThreadQueues queues = new ThreadQueues(executor, limits, platform);
        telemetry.turnQueues(platform, queues::queued, queues::refused);
        turnQueues.add(queues);
        intakes.add(queues::stopAccepting);
        return queues;
    }

    /** {@code validator}, with each run's outcome and duration reported to {@code telemetry}. */
    private static ProjectValidator timed(ProjectValidator validator, Telemetry telemetry) {
        return (project, stack, progress) -> {
            long began = System.nanoTime();
            String outcome = "error";
            try {
                Verification v = validator.validate(project, stack, progress);
                outcome = v.outcome().name().toLowerCase(java.util.Locale.ROOT);
                return v;
            } finally {
                telemetry.validation(outcome, Duration.ofNanos(System.nanoTime() - began));
            }
        };
    }

    private <T extends AutoCloseable> T push(T closeable) {
        closeables.push(closeable);
        return closeable;
    }

    public int port() {
        return server.port();
    }

    /** The Discord entry points, when Discord is configured. */
    public DiscordBot discord() {
        return discord;
    }

    /** The Discord shards this process runs, when Discord is configured. */
    public ShardManager discordShards() {
        return discordShards;
    }

    /** The Slack entry points, when Slack is configured. */
    public SlackBot slack() {
        return slack;
    }

    /** Connects to Slack over Socket Mode: the same handlers, no public URL needed. */
    private void socketMode(App app, SlackSettings settings, SlackEndpoint.Acknowledgements acks) {
        try {
            // Closing the socket stops the intake; Slack sends what it did not get acknowledged again.
            intakes.add(SlackSocketMode.connect(app, settings.appToken(), acks)::close);
        } catch (Exception e) {
            throw new WizardException("could not connect to Slack over Socket Mode: " + e.getMessage(), e);
        }
    }

    /** The GitHub webhook endpoint, when a webhook secret is configured. */
    private GitHubWebhookService webhooks(AppSettings settings, GitPublisher publisher, Intake intake, Clock clock) {
        if (settings.delivery().webhookSecret().isEmpty()) {
            return null;
        }
        GitHubReviews reviews = publisher.gitHubReviews().orElseThrow(() -> new ConfigException(
                "GITHUB_WEBHOOK_SECRET is set, but GitHub access is not: set GITHUB_TOKEN, or GITHUB_APP_ID and "
                        + "GITHUB_APP_PRIVATE_KEY"));
        ExecutorService events = push(Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("github-event-", 0)
                .factory()));
        return GitHubWebhookService.create(settings.delivery().webhookSecret(), coordination, storage.conversations(),
                conversations, reviews, settings.delivery().github().mention(), intake,
                new BoundedExecutor(events, settings.resilience().webhooksInFlight()), clock);
    }

    public ConversationService conversations() {
        return conversations;
    }

    /**
     * The console adapter for {@code user} at this bot's terminal ({@code echo}: where input lines are echoed, or
     * null; {@code waitAtEnd}: how long to wait for the last conversation's job when input ends).
     */
    public ConsoleAdapter console(UserRef user, PrintStream echo, Duration waitAtEnd) {
        return new ConsoleAdapter(consoleInbox, storage.conversations(), console, runner::awaitIdle, user, echo,
                waitAtEnd);
    }

    public JobRunner runner() {
        return runner;
    }

    public Storage storage() {
        return storage;
    }

    /**
     * Whether every chat event and webhook delivery this replica took is handled and no chat turn is queued or
     * running, so a test can assert that something did not happen without sleeping first. Jobs are not included:
     * {@link JobRunner#awaitIdle} waits for those.
     */
    public boolean isIdle() {
        return intake.inHand() == 0 && turnQueues.stream().allMatch(queues -> queues.queued() == 0);
    }

    /** The jobs as the bot writes them: a change stored here reaches the job API's event streams at once. */
    public JobStore jobs() {
        return jobStore;
    }

    /** Where data is kept, for the start-up banner (never a password). */
    public String describe() {
        return replica + "; " + storage.describe() + "; coordination: "
                + (coordination instanceof InProcessCoordination
                ? "in-process" : "Redis") + (coordination.degradation() != null ? " (DEGRADED: "
                + coordination.degradation() + ")" : "") + "; model: " + modelDescription + "; GitHub: "
                + gitHubDescription;
    }

    /**
     * Stops taking work, lets the accepted chat turns finish within the grace period, then stops the rest: the web
     * server and chat connections, the job runner, coordination and, last, storage. Safe to call more than once
     * (the shutdown hook and the code that started the bot may both call it).
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        // One grace period for everything: chat turns and running jobs finish side by side.
        shutdownDeadline = System.nanoTime() + shutdownGrace.toNanos();
        if (runner != null) {
            runner.stopClaiming();
        }
        for (Runnable stop : intakes) {
            try {
                stop.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "stopping the intake: " + e.getMessage(), e);
            }
        }
        drainTurns();
        while (!closeables.isEmpty()) {
            AutoCloseable next = closeables.pop();
            if (next == runner) {
                stopJobs();
                continue;
            }
            try {
                next.close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "shutting down: " + e.getMessage(), e);
            }
        }
    }

    /**
     * Waits for every accepted chat turn, up to the grace period in all; names the threads whose turns did not
     * finish. Their events stay in the inbox: closing the intake hands them to another replica at once.
     */
    private void drainTurns() {
        long deadline = shutdownDeadline;
        int waiting = turnQueues.stream().mapToInt(ThreadQueues::queued).sum();
        if (waiting > 0) {
            LOG.log(System.Logger.Level.INFO, "shutting down: finishing " + waiting + " chat turn(s), for up to "
                    + shutdownGrace.toSeconds() + " s");
        }
        for (ThreadQueues queues : turnQueues) {
            try {
                Map<String, Integer> unfinished = queues.awaitIdle(Duration.ofNanos(Math.max(0,
                        deadline - System.nanoTime())));
                if (!unfinished.isEmpty()) {
                    LOG.log(System.Logger.Level.WARNING, "shutting down: " + unfinished.values().stream()
                            .mapToInt(Integer::intValue).sum() + " " + queues.name() + " chat turn(s) did not finish "
                            + "within " + shutdownGrace.toSeconds() + " s; those not started go back to the inbox "
                            + "for another replica, by thread: " + unfinished);
                    queues.abandonQueued();
                    // The turns already running finish (they are short; a model call has its own timeout), so none
                    // stops between storing its answer and saying it.
                    Map<String, Integer> running = queues.awaitIdle(RUNNING_TURNS_GRACE);
                    if (!running.isEmpty()) {
                        LOG.log(System.Logger.Level.WARNING, "shutting down: chat turns still running after "
                                + RUNNING_TURNS_GRACE.toSeconds() + " s more are stopped, by thread: " + running);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                LOG.log(System.Logger.Level.WARNING, "shutting down: interrupted while " + queues.queued() + " "
                        + queues.name() + " chat turn(s) were unfinished");
            }
        }
        // Whatever still runs is past its grace: interrupt it rather than wait without end.
        turnExecutors.forEach(ExecutorService::shutdownNow);
    }

    /**
     * Stops the job runner before coordination and storage close, so it can still write: running jobs get what is
     * left of the grace period, then those unfinished are handed back so another replica takes them over at once
     * rather than when their lease would run out.
     */
    private void stopJobs() {
        try {
            runner.close(Duration.ofNanos(Math.max(0, shutdownDeadline - System.nanoTime())));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "stopping the job runner: " + e.getMessage(), e);
        }
    }
}
