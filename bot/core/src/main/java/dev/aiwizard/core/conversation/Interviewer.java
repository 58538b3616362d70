package dev.aiwizard.core.conversation;

import dev.aiwizard.core.spec.Spec;

/** Port: turns an idea and answers into a spec, one question at a time. Implementations are stateless. */
public interface Interviewer {
    /**
     * Reads {@code text} (the idea, an answer to {@code pending}, or a change request when {@code pending} is
     * {@code null}), fills every slot it answers, and decides what to ask next. {@code questionsLeft} is how many
     * more questions the conversation may still ask; with 0 left the step must be {@link InterviewStep.Ready}.
     */
    InterviewStep step(Spec spec, Question pending, String text, int questionsLeft);

    /** Fills every open slot with a sensible default and records each choice in {@link Spec#assumptions()}. */
    Spec assumeDefaults(Spec spec);

    /** {@link #step(Spec, Question, String, int)} for {@code who}; engines that count model usage override it. */
    default InterviewStep step(InterviewContext who, Spec spec, Question pending, String text, int questionsLeft) {
        return step(spec, pending, text, questionsLeft);
    }

    /** {@link #assumeDefaults(Spec)} for {@code who}; engines that count model usage override it. */
    default Spec assumeDefaults(InterviewContext who, Spec spec) {
        return assumeDefaults(spec);
    }
}
