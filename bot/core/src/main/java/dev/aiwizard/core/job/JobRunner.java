package dev.aiwizard.core.job;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.Telemetry;
import dev.aiwizard.core.conversation.ConversationId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
    /** The claims of the jobs running here now, to hand back at shutdown. */
    private final Map<JobId, Job> claims = new ConcurrentHashMap<>();
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
        claims.put(job.id(), job);
        telemetry.jobStarted();
        try {
            worker.run(job);
            // Only the run that finished the job reports it; one that was taken over did not.
            jobs.find(job.id()).filter(done -> done.state().isFinal() && done.attempts() == job.attempts())
                    .ifPresent(done -> telemetry.jobFinished(Telemetry.JobOutcome.valueOf(done.state().name()),
                            Duration.ofNanos(System.nanoTime() - began)));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "job " + job.id() + " of conversation " + job.conversationId()
                    + " crashed: " + e.getMessage(), e);
        } finally {
            claims.remove(job.id());
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

    /** Stops claiming new jobs (the first step of a shutdown); running ones go on. */
    public void stopClaiming() {
        running = false;
        wake();
        if (loop != null) {
            loop.interrupt();
        }
    }

    /** {@link #close(Duration)} with 30 s for the running jobs. */
    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }

    /**
     * Stops claiming work and waits up to {@code grace} for running jobs. Those still running then are stopped and
     * their leases handed back at once (under their claim, so a job already taken over is left alone): another
     * replica takes them over now rather than when the lease would have run out, and the fence keeps the stopped
     * worker from delivering anything.
     */
    public void close(Duration grace) {
        stopClaiming();
        executor.shutdown();
        try {
            if (executor.awaitTermination(Math.max(0, grace.toMillis()), TimeUnit.MILLISECONDS)) {
                return;
            }
            // Handed back first, so the workers are fenced off before they are stopped: a worker stopped in the
            // middle must not record its job as failed.
            for (Job job : List.copyOf(claims.values())) {
                try {
                    if (jobs.release(job, clock.instant().minusMillis(1))) {
                        LOG.log(System.Logger.Level.WARNING, "shutting down: job " + job.id()
                                + " did not finish; handed to another replica");
                    }
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "shutting down: could not hand back job " + job.id()
                            + "; it is taken over when its lease runs out: " + e.getMessage());
                }
            }
            executor.shutdownNow();
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
        }
    }
}
