package dev.aiwizard.generator.llm;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.chat.UserRef;
import dev.aiwizard.core.conversation.ConversationId;
import dev.aiwizard.core.job.CodeGenerator;
import dev.aiwizard.core.job.GeneratedFile;
import dev.aiwizard.core.job.GeneratedProject;
import dev.aiwizard.core.job.GenerationCache;
import dev.aiwizard.core.job.GenerationException;
import dev.aiwizard.core.job.GenerationRequest;
import dev.aiwizard.core.job.ModelUsage;
import dev.aiwizard.core.job.Progress;
import dev.aiwizard.core.job.ProjectLimits;
import dev.aiwizard.core.job.RepairRequest;
import dev.aiwizard.core.job.UsageLedger;
import dev.aiwizard.core.spec.Spec;
import dev.aiwizard.core.spec.SpecMarkdown;
import dev.aiwizard.core.text.HiddenText;
import dev.aiwizard.generator.offline.OfflineCodeGenerator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * {@link CodeGenerator} on a language model. The offline template of the spec's stack is the skeleton: the model
 * plans the file tree around it, writes the files in parallel (bounded) with the spec, the plan and the public
 * signatures of files already written as shared context, and every file is checked before it is accepted; files
 * that fail get bounded repair rounds. Identical requests are served from the durable cache. When the model is
 * unavailable the offline project is delivered instead and the result says so.
 */
public final class LlmCodeGenerator implements CodeGenerator {
    private static final UserRef NOBODY = new UserRef("unknown", "unknown");
    /** How often long model work says it is still going; keeps the job's lease renewed through slow retries. */
    private static final Duration HEARTBEAT = Duration.ofSeconds(20);

    private final ModelGateway gateway;
    private final OfflineCodeGenerator offline;
    private final ProjectLimits limits;
    private final GenerationCache cache;
    private final UsageLedger ledger;
    private final Clock clock;
    private final Duration heartbeat;

    public LlmCodeGenerator(ModelGateway gateway, OfflineCodeGenerator offline, ProjectLimits limits,
                            GenerationCache cache, UsageLedger ledger, Clock clock) {
        this(gateway, offline, limits, cache, ledger, clock, HEARTBEAT);
    }

    LlmCodeGenerator(ModelGateway gateway, OfflineCodeGenerator offline, ProjectLimits limits,
                     GenerationCache cache, UsageLedger ledger, Clock clock, Duration heartbeat) {
        this.heartbeat = requireNonNull(heartbeat, "heartbeat");
        this.gateway = requireNonNull(gateway, "gateway");
        this.offline = requireNonNull(offline, "offline");
        this.limits = requireNonNull(limits, "limits");
        this.cache = requireNonNull(cache, "cache");
        this.ledger = requireNonNull(ledger, "ledger");
        this.clock = requireNonNull(clock, "clock");
    }

    @Override
    public GeneratedProject generate(Spec spec, Progress progress) {
        return generate(new GenerationRequest(spec, ConversationId.random(), NOBODY), progress);
    }

    @Override
    public GeneratedProject generate(GenerationRequest asked, Progress progress) {
        // A person's model= choice (already checked against the allowed list) replaces the configured models.
        ModelGateway model = gateway.withModel(asked.spec().model());
        LlmSettings s = model.settings();
        // Hidden text in the spec would reach the model through the prompts and the rendered template alike.
        GenerationRequest request = new GenerationRequest(HiddenText.strip(asked.spec()), asked.conversation(),
                asked.requester());
        Progress shown = synchronizedProgress(progress);
        // The template checks the spec and is the fallback: a spec it refuses is refused before any model call.
        GeneratedProject skeleton = offline.generate(request.spec(), note -> { });
        String key = cacheKey(request.spec(), s);
        var cached = cache.find(key);
        if (cached.isPresent()) {
            shown.report("same spec, stack and model as an earlier job: reusing its result");
            GeneratedProject hit = cached.get();
            return new GeneratedProject(hit.files(), hit.testCommand(), hit.engine(), List.of("the same spec, stack "
                    + "and model were generated before; reused that result without calling the model (the first "
                    + "time took " + hit.usage().describe() + ")"), ModelUsage.NONE);
        }
        Instant dayStart = clock.instant().truncatedTo(ChronoUnit.DAYS);
        long usedToday = ledger.usedBy(request.requester().id(), dayStart).totalTokens();
        long leftToday = s.dailyTokenBudget() - usedToday;
        if (leftToday <= 0) {
            throw new BudgetExceededException("Your daily model budget of " + String.format(java.util.Locale.ROOT,
                    "%,d", s.dailyTokenBudget()) + " tokens is spent; it renews at " + dayStart.plus(1, ChronoUnit.DAYS)
                    .atOffset(ZoneOffset.UTC).toLocalTime() + " UTC (WIZARD_LLM_DAILY_TOKEN_BUDGET sets it).");
        }
        UsageMeter meter = leftToday < s.jobTokenBudget()
                ? new UsageMeter(leftToday, "rest of your daily model budget")
                : new UsageMeter(s.jobTokenBudget(), "job's model budget");
        GeneratedProject made;
        try {
            Run run = new Run(model, request.spec(), skeleton, meter, shown);
            made = run.project();
            if (run.clean(made)) {
                cache.put(key, made);
            }
            for (String refusal : run.refusals()) {
                made = made.withNote(refusal);
            }
        } catch (ModelUnavailableException e) {
            return fallback(skeleton, "the model was unavailable (" + e.getMessage() + "), so this project was "
                    + "made from the offline templates instead", meter, shown);
        } catch (MalformedOutputException e) {
            return fallback(skeleton, "the model's plan could not be used (" + e.getMessage() + "), so this "
                    + "project was made from the offline templates instead", meter, shown);
        } finally {
            meter.recordIn(ledger, request.conversation(), request.requester().id(), clock.instant());
        }
        ModelUsage conversationTotal = ledger.usedIn(request.conversation());
        if (conversationTotal.calls() > made.usage().calls()) {
            made = made.withNote("this conversation has used " + conversationTotal.describe() + " in all");
        }
        return made;
    }

    /**
     * One repair round: the model rewrites the files the failed tests point at, out of what is left of the job's
     * budget (and the person's day). Never cached: the same spec may fail differently next time.
     */
    @Override
    public Optional<GeneratedProject> repair(RepairRequest repair, Progress progress) {
        GenerationRequest request = repair.request();
        ModelGateway model = gateway.withModel(request.spec().model());
        LlmSettings s = model.settings();
        Spec spec = HiddenText.strip(request.spec());
        Instant dayStart = clock.instant().truncatedTo(ChronoUnit.DAYS);
        long leftToday = s.dailyTokenBudget() - ledger.usedBy(request.requester().id(), dayStart).totalTokens();
        long leftInJob = s.jobTokenBudget() - repair.tokensSpent();
        UsageMeter meter = leftToday < leftInJob ? new UsageMeter(Math.max(0, leftToday),
                "rest of your daily model budget") : new UsageMeter(Math.max(0, leftInJob), "job's model budget");
        progress.report("asking the model to fix " + repair.failure().summary());
        try {
            RepairAnswer answer = model.ask(Repairs.ask(spec, repair.project(), repair.failure(), limits), meter);
            GeneratedProject p = repair.project();
            String changed = answer.files().stream().map(FileAnswer::path).distinct()
                    .collect(Collectors.joining(", "));
            return Optional.of(new GeneratedProject(Repairs.apply(p, answer), p.testCommand(), p.engine(),
                    List.of("repair round " + repair.round() + " rewrote " + changed), meter.used()));
        } catch (ModelUnavailableException | MalformedOutputException e) {
            throw new GenerationException("the model could not repair the failing tests (" + e.getMessage() + ")",
                    e);
        } finally {
            meter.recordIn(ledger, request.conversation(), request.requester().id(), clock.instant());
        }
    }

    private GeneratedProject fallback(GeneratedProject skeleton, String why, UsageMeter meter, Progress shown) {
        shown.report("model unavailable; using the offline templates");
        return new GeneratedProject(skeleton.files(), skeleton.testCommand(), skeleton.engine() + " (fallback)",
                List.of(why), meter.used());
    }

    /** One model-made project: the plan, the files written so far, what failed, and what was refused on the way. */
    private final class Run {
        private static final int MAX_REFUSAL_NOTES = 10;

        private final ModelGateway model;
        private final Spec spec;
        private final GeneratedProject skeleton;
        private final Map<String, String> template = new LinkedHashMap<>();
        private final UsageMeter meter;
        private final Progress shown;
        private final Map<String, GeneratedFile> written = new ConcurrentHashMap<>();
        private final Map<String, String> failed = new ConcurrentHashMap<>();
        private final Queue<String> refused = new ConcurrentLinkedQueue<>();
        private Plan plan;

        Run(ModelGateway model, Spec spec, GeneratedProject skeleton, UsageMeter meter, Progress shown) {
            this.model = model;
            this.spec = spec;
            this.skeleton = skeleton;
            this.meter = meter;
            this.shown = shown;
            skeleton.files().forEach(f -> template.put(f.path(), f.content()));
        }

        GeneratedProject project() {
            LlmSettings s = model.settings();
            shown.report("asking the model for a plan");
            try (ExecutorService one = Executors.newVirtualThreadPerTaskExecutor()) {
                Future<Plan> asked = one.submit(() -> model.ask(planAsk(spec, skeleton), meter,
                        problem -> refused.add("the model's plan was refused (" + problem + ")")));
                plan = await(asked, one, () -> "still waiting for the model's plan");
            }
            List<Plan.Item> order = plan.inDependencyOrder();
            shown.report("planned " + order.size() + " files; writing them, " + s.concurrency() + " at a time");
            writeAll(order, Map.of());
            for (int round = 1; round <= s.repairRounds() && !failed.isEmpty(); round++) {
                Map<String, String> reasons = Map.copyOf(failed);
                failed.clear();
                shown.report("repair round " + round + ": " + reasons.size() + " file(s) failed the checks");
                writeAll(order.stream().filter(i -> reasons.containsKey(i.path())).toList(), reasons);
            }

            List<String> notes = new ArrayList<>();
            List<GeneratedFile> files = new ArrayList<>();
            for (Plan.Item item : plan.files()) {
                GeneratedFile f = written.get(item.path());
                if (f != null) {
                    files.add(f);
                } else if (template.containsKey(item.path())) {
                    files.add(new GeneratedFile(item.path(), template.get(item.path())));
                    notes.add(item.path() + ": kept the template's version; the model's failed the checks ("
                            + failed.get(item.path()) + ")");
                } else {
                    notes.add(item.path() + ": left out; the model's version failed the checks ("
                            + failed.get(item.path()) + ")");
                }
            }
            List<String> problems = limits.problems(files);
            if (!problems.isEmpty()) {
                throw new GenerationException("the generated files did not pass the checks: "
                        + String.join("; ", problems));
            }
            shown.report("wrote and checked " + files.size() + " files");
            String engine = "model " + s.provider().id() + ":" + s.modelFor(Role.CODER) + " on the " + spec.stack()
                    + " template";
            return new GeneratedProject(files, skeleton.testCommand(), engine, notes, meter.used());
        }

        /** Whether every planned file is the model's own (none kept from the template or left out). */
        boolean clean(GeneratedProject made) {
            return made.files().stream().allMatch(f -> written.containsKey(f.path()))
                    && made.files().size() == plan.files().size();
        }

        /** What was refused and corrected on the way, so people see what the checks caught. */
        List<String> refusals() {
            List<String> all = List.copyOf(new java.util.LinkedHashSet<>(refused));
            if (all.size() <= MAX_REFUSAL_NOTES) {
                return all;
            }
            List<String> some = new ArrayList<>(all.subList(0, MAX_REFUSAL_NOTES));
            some.add("and " + (all.size() - MAX_REFUSAL_NOTES) + " more answers refused by the checks");
            return some;
        }

        /** Writes {@code items} in parallel, at most the configured number at once; a failed check is recorded. */
        private void writeAll(List<Plan.Item> items, Map<String, String> repair) {
            Semaphore slots = new Semaphore(model.settings().concurrency(), true);
            AtomicInteger done = new AtomicInteger();
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> running = new ArrayList<>();
                for (Plan.Item item : items) {
                    running.add(pool.submit(() -> {
                        slots.acquire();
                        try {
                            write(item, repair.get(item.path()));
                        } finally {
                            slots.release();
                        }
                        shown.report("wrote " + done.incrementAndGet() + "/" + items.size() + " files: " + item.path());
                        return null;
                    }));
                }
                for (Future<?> f : running) {
                    await(f, pool, () -> "writing files: " + done.get() + "/" + items.size() + " done");
                }
            }
        }

        /**
         * Waits for {@code f}, reporting {@code note} every heartbeat so the job's status (and its lease) stays
         * fresh while a slow call is retried. A failure stops {@code pool}'s other work and is rethrown as it was.
         */
        private <T> T await(Future<T> f, ExecutorService pool, java.util.function.Supplier<String> note) {
            while (true) {
                try {
                    return f.get(heartbeat.toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException stillRunning) {
                    shown.report(note.get());
                } catch (ExecutionException e) {
                    pool.shutdownNow();
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    throw new GenerationException("the model work failed", e.getCause());
                } catch (InterruptedException e) {
                    pool.shutdownNow();
                    Thread.currentThread().interrupt();
                    throw new GenerationException("interrupted while waiting for the model", e);
                }
            }
        }

        private void write(Plan.Item item, String repairReason) {
            StringBuilder user = new StringBuilder();
            user.append(Prompts.fenced("spec", SpecMarkdown.render(spec)));
            user.append(Prompts.fenced("plan", plan.files().stream()
                    .map(i -> i.path() + " (" + i.kind() + "): " + i.purpose()).collect(Collectors.joining("\n"))));
            user.append("<file>").append(item.path()).append("</file>\n");
            user.append("Purpose: ").append(HiddenText.strip(item.purpose())).append('\n');
            if (template.containsKey(item.path())) {
                user.append(Prompts.quoted("template", template.get(item.path())));
            }
            StringBuilder sigs = new StringBuilder();
            for (String dep : item.dependsOn()) {
                GeneratedFile f = written.get(dep);
                if (f != null) {
                    String sig = Signatures.of(f.path(), f.content());
                    if (!sig.isEmpty()) {
                        sigs.append("// ").append(f.path()).append('\n').append(sig);
                    }
                }
            }
            if (!sigs.isEmpty()) {
                user.append(Prompts.quoted("signatures", sigs.toString()));
            }
            if (repairReason != null) {
                user.append("An earlier version of this file was rejected: ").append(repairReason)
                        .append(". Write it again without that problem.\n");
            }
            StructuredAsk<FileAnswer> ask = new StructuredAsk<>(Role.CODER, Prompts.system("coder"), user.toString(),
                    "file", FileAnswer.schema(), FileAnswer.SHAPE, FileAnswer.class, a -> fileProblem(item, a));
            try {
                FileAnswer answer = model.ask(ask, meter,
                        problem -> refused.add(item.path() + ": an answer was refused (" + problem + ")"));
                written.put(item.path(), new GeneratedFile(item.path(), answer.content()));
            } catch (MalformedOutputException e) {
                failed.put(item.path(), e.getMessage());
            }
        }
    }

    /** Why an answer is not the file asked for, or breaks a rule; {@code null} when it can be used. */
    private String fileProblem(Plan.Item item, FileAnswer a) {
        if (a.path() == null || a.content() == null) {
            return "the answer needs both path and content";
        }
        if (!a.path().equals(item.path())) {
            return "the answer is for '" + a.path() + "' but the file asked for is '" + item.path() + "'";
        }
        if (a.content().isBlank()) {
            return "the file is empty";
        }
        List<String> problems = limits.fileProblems(new GeneratedFile(item.path(), a.content()));
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    private StructuredAsk<Plan> planAsk(Spec spec, GeneratedProject skeleton) {
        String user = Prompts.fenced("spec", SpecMarkdown.render(spec))
                + "Stack: " + spec.stack() + "; tests run with: " + skeleton.testCommand() + "\n"
                + "<template_files>\n" + skeleton.files().stream().map(GeneratedFile::path)
                .collect(Collectors.joining("\n")) + "\n</template_files>\n";
        List<String> templatePaths = skeleton.files().stream().map(GeneratedFile::path).toList();
        return new StructuredAsk<>(Role.PLANNER, Prompts.system("planner"), user, "plan", Plan.schema(), Plan.SHAPE,
                Plan.class, p -> p.problem(templatePaths, limits.maxFiles(), path -> ProjectLimits.pathProblem(path)
                        .or(() -> limits.protectedProblem(path)).orElse(null)));
    }

    /** Everything that shapes the result: the prompts' version, provider and models, the spec and the stack. */
    static String cacheKey(Spec spec, LlmSettings s) {
        String material = "wizard-llm-generator/" + Prompts.VERSION + "\n" + s.provider().id() + "\n"
                + s.modelFor(Role.PLANNER) + "\n" + s.modelFor(Role.CODER) + "\n" + SpecMarkdown.render(spec);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(material.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    private static Progress synchronizedProgress(Progress progress) {
        // A lock rather than synchronized: on Java 21 a virtual thread blocking inside synchronized pins its carrier.
        java.util.concurrent.locks.ReentrantLock lock = new java.util.concurrent.locks.ReentrantLock();
        return note -> {
            lock.lock();
            try {
                progress.report(note);
            } finally {
                lock.unlock();
            }
        };
    }
}
