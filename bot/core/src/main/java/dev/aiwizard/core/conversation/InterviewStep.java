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

    /**
     * Nothing more worth asking; show the spec for approval. {@code note} (may be {@code null}) says what of the last
     * message could not be used, as with {@link Ask}.
     */
    record Ready(Spec spec, String note) implements InterviewStep {
        public Ready {
            requireNonNull(spec, "spec");
        }

        /** Ready, with nothing to point out. */
        public Ready(Spec spec) {
            this(spec, null);
        }
    }
}
