package dev.aiwizard.core.job;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.coordination.Heartbeat;
import java.time.Clock;
import java.time.Duration;

/**
 * A worker's claim on one running job. A heartbeat on a virtual thread renews the lease every third of its length
 * for as long as the job runs, so a slow model, a long push or a rate-limit wait never outlasts it; a renewal that
 * finds the job claimed by another worker interrupts the worker, which then stops without another visible step. As a
 * {@link Fence} it renews at once, so every checked step starts with a whole lease ahead of it.
 */
final class JobLease implements Fence, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(JobLease.class.getName());

    private final JobStore jobs;
    private final Job claim;
    private final Duration lease;
    private final Clock clock;
    private final Thread worker;
    private volatile Heartbeat heartbeat;
    private volatile boolean lost;

    private JobLease(JobStore jobs, Job claim, Duration lease, Clock clock, Thread worker) {
        this.jobs = requireNonNull(jobs, "jobs");
        this.claim = requireNonNull(claim, "claim");
        this.lease = requireNonNull(lease, "lease");
        this.clock = requireNonNull(clock, "clock");
        this.worker = requireNonNull(worker, "worker");
    }

    /** Holds {@code claimed} for the calling thread, renewing its lease until {@link #close()}. */
    static JobLease hold(JobStore jobs, Job claimed, Duration lease, Clock clock) {
        JobLease held = new JobLease(jobs, claimed, lease, clock, Thread.currentThread());
        held.heartbeat = Heartbeat.start("lease-" + claimed.id(), lease.dividedBy(3), held::beat);
        return held;
    }

    @Override
    public void check() {
        if (!renew()) {
            throw new JobTakenOverException(claim.id());
        }
    }

    /**
     * Whether the job is no longer this worker's: claimed by another worker, or handed back by a shutdown. Asks the
     * store unless a renewal already found out, since a job handed back a moment ago has had no renewal since; a
     * store that cannot answer leaves it held (the final write is conditional on the claim anyway).
     */
    boolean lost() {
        if (!lost) {
            try {
                renew();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "could not check the lease of job " + claim.id() + ": "
                        + e.getMessage());
            }
        }
        return lost;
    }

    /** Stops the heartbeat; the job's final write is the worker's own, conditional on the claim. */
    @Override
    public void close() {
        heartbeat.close();
        if (lost && Thread.currentThread() == worker) {
            // The heartbeat may have interrupted this thread; that was about this job only, which is over.
            Thread.interrupted();
        }
    }

    /** One renewal; false (no more beats) once the job was claimed by another worker. */
    private boolean beat() {
        try {
            if (!renew()) {
                LOG.log(System.Logger.Level.WARNING, "job {0} of conversation {1} was claimed by another "
                        + "worker; stopping this one", claim.id(), claim.conversationId());
                // Unless closed meanwhile, so a worker that has finished this job is never interrupted on its next.
                heartbeat.unlessClosed(worker::interrupt);
                return false;
            }
        } catch (RuntimeException e) {
            // A store outage: the lease may still hold, and the next beat or fence check decides.
            LOG.log(System.Logger.Level.WARNING, "could not renew the lease of job " + claim.id() + ": "
                    + e.getMessage());
        }
        return true;
    }

    private boolean renew() {
        if (lost) {
            return false;
        }
        if (!jobs.renew(claim, clock.instant().plus(lease))) {
            lost = true;
        }
        return !lost;
    }
}
