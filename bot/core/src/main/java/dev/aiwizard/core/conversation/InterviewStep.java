package dev.aiwizard.core.conversation;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.spec.Spec;

/** What the interviewer decided after reading a message: ask one more question, or the spec is ready. */
public sealed interface InterviewStep {
    /** The spec with everything the message answered. */
    Spec spec();

    /**
     * Ask {@code question} next. {@code note} (may be {@code null}) tells the person what could not be used from
     * their last message, e.g. an unknown field type, so they are never silently ignored.
     */
    record Ask(Spec spec, Question question, String note) implements InterviewStep {
        public Ask {
            requireNonNull(spec, "spec");
            requireNonNull(question, "question");
        }
    }

    /** Nothing more worth asking; show the spec for approval. */
    record Ready(Spec spec) implements InterviewStep {
        public Ready {
            requireNonNull(spec, "spec");
        }
    }
}
