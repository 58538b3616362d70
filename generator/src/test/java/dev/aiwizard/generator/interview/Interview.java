package dev.aiwizard.generator.interview;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.aiwizard.core.conversation.InterviewStep;
import dev.aiwizard.core.conversation.Question;
import dev.aiwizard.core.spec.Spec;

/** Plays a conversation against an interviewer the way the bot does: keeps the spec, the pending question and the budget. */
final class Interview {
    private final OfflineInterviewer interviewer;
    private Spec spec = Spec.empty();
    private Question pending;
    private int questionsLeft;
    private InterviewStep last;

    Interview(OfflineInterviewer interviewer, int questionsLeft) {
        this.interviewer = interviewer;
        this.questionsLeft = questionsLeft;
    }

    Interview(int questionsLeft) {
        this(new OfflineInterviewer(), questionsLeft);
    }

    /** Sends {@code text} (the idea first, then answers) and returns the step. */
    InterviewStep say(String text) {
        last = interviewer.step(spec, pending, text, questionsLeft);
        spec = last.spec();
        if (last instanceof InterviewStep.Ask ask) {
            pending = ask.question();
            questionsLeft--;
        } else {
            pending = null;
        }
        return last;
    }

    InterviewStep.Ask ask(String text) {
        return assertInstanceOf(InterviewStep.Ask.class, say(text), () -> "expected a question after '" + text + "'");
    }

    InterviewStep.Ready ready(String text) {
        return assertInstanceOf(InterviewStep.Ready.class, say(text), () -> "expected the spec to be ready after '" + text + "'");
    }

    Spec spec() {
        return spec;
    }

    Question pending() {
        return pending;
    }

    int questionsLeft() {
        return questionsLeft;
    }
}
