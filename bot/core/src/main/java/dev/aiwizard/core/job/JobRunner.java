package dev.aiwizard.core.job;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.Telemetry;
import dev.aiwizard.core.conversation.ConversationId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Takes queued jobs from the durable store and runs each on a virtual thread, a bounded number at a time. A running
 * job's lease is renewed by its worker's heartbeat; jobs of a crashed worker are taken over once their lease
 * expires, so nothing approved is lost, and the worker that lost one is fenced off from delivering it.
 */
public final class JobRunner implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(JobRunner.class.getName());

    private final JobStore jobs;
    private final GenerationWorker worker;
    private final JobSettings settings;
    private final Clock clock;
    private final String owner;
    private final Telemetry telemetry;
    private final Semaphore slots;
    /** Conversations with a job being run here now, counted, for {@link #awaitIdle}. */
    private final Map<ConversationId, Integer> inFlight = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final ReentrantLock signalLock = new ReentrantLock();
    private final Condition signal = signalLock.newCondition();
    private volatile boolean woken;
    private volatile boolean running;
    private Thread loop;

    /** A runner that claims jobs as {@code owner} (unique per process) and hands them to {@code worker}. */
    public JobRunner(JobStore jobs, GenerationWorker worker, JobSettings settings, Clock clock, String owner,
                     Telemetry telemetry) {
        this.jobs = requireNonNull(jobs, "jobs");
        this.worker = requireNonNull(worker, "worker");
        this.settings = requireNonNull(settings, "settings");
        this.clock = requireNonNull(clock, "clock");
        this.owner = requireNonNull(owner, "owner");
        this.telemetry = requireNonNull(telemetry, "telemetry");
        this.slots = new Semaphore(settings.concurrency());
    }

    /** Starts looking for work. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        loop = Thread.ofVirtual().name("job-runner").start(this::loop);
    }

    /** Tells the runner that a job was queued, so it does not wait for the next poll. */
    public void wake() {
        signalLock.lock();
        try {
            woken = true;
            signal.signalAll();
        } finally {
            signalLock.unlock();
        }
    }

    /**
     * Waits until no job of {@code conversation} is queued or running, and this runner is done with it (a job's
     * final state is stored before the thread is told), or {@code timeout} passes.
     *
     * @return true when the conversation's jobs are all finished
     */
    public boolean awaitIdle(ConversationId conversation, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!inFlight.containsKey(conversation)
                    && jobs.forConversation(conversation).stream().allMatch(j -> j.state().isFinal())) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    private void loop() {
        while (running) {
            try {
                if (!slots.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS)) {
                    continue;
                }
                Optional<Job> job = claim();
                if (job.isPresent()) {
                    executor.submit(() -> runOne(job.get()));
                } else {
                    slots.release();
                    awaitSignal();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // A store outage must not kill the loop; it retries at the next poll.
                LOG.log(System.Logger.Level.WARNING, "job runner could not claim work: " + e.getMessage(), e);
                slots.release();
                sleepQuietly(settings.pollInterval());
            }
        }
    }

    private Optional<Job> claim() {
        return jobs.claimNext(owner, clock.instant(), settings.lease());
    }

    private void runOne(Job job) {
        long began = System.nanoTime();
        inFlight.merge(job.conversationId(), 1, Integer::sum);
        try {
            worker.run(job);
            // Only the run that finished the job reports it; one that was taken over did not.
            jobs.find(job.id()).filter(done -> done.state().isFinal() && done.attempts() == job.attempts())
                    .ifPresent(done -> telemetry.jobFinished(done.state(), Duration.ofNanos(System.nanoTime() - began)));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "job " + job.id() + " of conversation " + job.conversationId()
                    + " crashed: " + e.getMessage(), e);
        } finally {
            inFlight.computeIfPresent(job.conversationId(), (id, n) -> n == 1 ? null : n - 1);
            slots.release();
            wake();
        }
    }

    private void awaitSignal() throws InterruptedException {
        signalLock.lock();
        try {
            if (!woken) {
                signal.await(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
            }
            woken = false;
        } finally {
            signalLock.unlock();
        }
    }

    private static void sleepQuietly(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops claiming work and waits up to 30 s for running jobs; unfinished ones are taken over after their lease. */
    @Override
    public void close() {
        running = false;
        wake();
        if (loop != null) {
            loop.interrupt();
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
