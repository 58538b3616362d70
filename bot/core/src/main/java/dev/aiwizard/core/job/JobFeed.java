package dev.aiwizard.core.job;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Follows one job from what the store holds now to its end, for whoever shows it live (the job API's event stream,
 * later the web page). Changes made in this process arrive from {@link JobEvents} the moment they are stored, without
 * polling. A job claimed by another replica is never heard here, so the store is read again whenever nothing was heard
 * for {@code tail}: the fallback that keeps a stream truthful behind a load balancer, at one small query per interval
 * and follower. Each change is told once, in order; the store is the truth, so a change older than one already told is
 * dropped.
 */
public final class JobFeed implements AutoCloseable {
    private final JobStore jobs;
    private final JobEvents events;
    private final Duration tail;
    private volatile boolean closed;

    /** A feed over {@code jobs} (the store {@code events} are published for), reading it every {@code tail} at most. */
    public JobFeed(JobStore jobs, JobEvents events, Duration tail) {
        this.jobs = requireNonNull(jobs, "jobs");
        this.events = requireNonNull(events, "events");
        this.tail = requireNonNull(tail, "tail");
        if (tail.toMillis() < 10) {
            throw new IllegalArgumentException("the store tail interval must be at least 10 ms, was " + tail);
        }
    }

    /** A job as it changed; {@code stateChanged} is false when only its progress moved on. */
    public record Change(Job job, boolean stateChanged) {
        public Change {
            requireNonNull(job, "job");
        }
    }

    /** Who is told. Either method may throw (an unchecked exception) to stop following: the client went away. */
    public interface Follower {
        /** The job changed (the first call is the job as it is now, with {@code stateChanged} true). */
        void changed(Change change);

        /** Nothing changed for the keep-alive interval: the moment to check the client is still there. */
        void idle();
    }

    /**
     * Tells {@code follower} about job {@code id} until the job is over, the follower throws, or the feed is closed;
     * blocks the calling thread meanwhile (a virtual thread is the right one).
     *
     * @return false when there is no such job (nothing was told)
     */
    public boolean follow(JobId id, Follower follower, Duration keepAlive) throws InterruptedException {
        requireNonNull(follower, "follower");
        BlockingQueue<Job> heard = new LinkedBlockingQueue<>();
        // Subscribed before the first read: a change stored in between is heard, and dropped if the read saw it.
        try (JobEvents.Subscription ignored = events.subscribe(id, heard::add)) {
            Optional<Job> now = jobs.find(id);
            if (now.isEmpty()) {
                return false;
            }
            Job last = now.get();
            follower.changed(new Change(last, true));
            long nextRead = System.nanoTime() + tail.toNanos();
            long nextPing = System.nanoTime() + keepAlive.toNanos();
            while (!last.state().isFinal() && !closed) {
                long wait = Math.min(nextRead, nextPing) - System.nanoTime();
                Job next = heard.poll(Math.max(0, Math.min(wait, tail.toNanos())), TimeUnit.NANOSECONDS);
                long t = System.nanoTime();
                if (next != null) {
                    nextRead = t + tail.toNanos();
                } else if (t >= nextRead) {
                    next = jobs.find(id).orElse(null);
                    nextRead = t + tail.toNanos();
                }
                if (next != null && isNews(next, last)) {
                    follower.changed(new Change(next, next.state() != last.state()));
                    last = next;
                    nextPing = t + keepAlive.toNanos();
                } else if (t >= nextPing) {
                    follower.idle();
                    nextPing = t + keepAlive.toNanos();
                }
            }
            return true;
        }
    }

    /**
     * Whether {@code next} is a later change than {@code last} that a watcher would notice. A state further on in the
     * job's life always is (the replica that claimed it may have a clock a little behind the one that queued it);
     * within one state, a progress note is news unless it is older than the one told.
     */
    private static boolean isNews(Job next, Job last) {
        int ahead = Integer.compare(rank(next.state()), rank(last.state()));
        return ahead > 0 || ahead == 0 && !next.updatedAt().isBefore(last.updatedAt())
                && !next.progress().equals(last.progress());
    }

    private static int rank(JobState state) {
        return switch (state) {
            case QUEUED -> 0;
            case RUNNING -> 1;
            case SUCCEEDED, FAILED, CANCELLED -> 2;
        };
    }

    /** Ends every follow within one tail interval (at shutdown, before the web server stops). */
    @Override
    public void close() {
        closed = true;
    }
}
