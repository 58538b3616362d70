package dev.aiwizard.core.request;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.conversation.Conversation;
import dev.aiwizard.core.job.Job;
import java.time.Duration;
import java.util.List;

/** What a job request or an approval came to; every surface (API, web) maps these to its own answers. */
public sealed interface RequestOutcome {
    /** The spec is ready and waits for approval. {@code notes} tell what could not be used or was removed. */
    record Drafted(Conversation conversation, List<String> notes, boolean cached) implements RequestOutcome {
        public Drafted {
            requireNonNull(conversation, "conversation");
            notes = List.copyOf(notes);
        }
    }

    /**
     * The job is queued (or, {@code cached}, an identical earlier request's job is the answer: nothing new was queued
     * and no model was called).
     */
    record Queued(Conversation conversation, Job job, List<String> notes, boolean cached) implements RequestOutcome {
        public Queued {
            requireNonNull(conversation, "conversation");
            requireNonNull(job, "job");
            notes = List.copyOf(notes);
        }
    }

    /** The request cannot be used as it is; nothing was stored. */
    record Invalid(List<RequestProblem> problems) implements RequestOutcome {
        public Invalid {
            problems = List.copyOf(problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("an invalid request has at least one problem");
            }
        }
    }

    /** The caller made {@code limit} job requests in the last minute; the next may come after {@code retryAfter}. */
    record Limited(int limit, Duration retryAfter) implements RequestOutcome {
        public Limited {
            requireNonNull(retryAfter, "retryAfter");
        }
    }

    /** There is no such conversation to approve (or none the API may approve). */
    record NotFound(String detail) implements RequestOutcome {
    }

    /** The caller may not do this ({@code detail} says who may). */
    record NotAllowed(String detail) implements RequestOutcome {
    }

    /** Not now: the conversation is not waiting for approval, or is busy. */
    record Conflict(String detail) implements RequestOutcome {
    }
}
