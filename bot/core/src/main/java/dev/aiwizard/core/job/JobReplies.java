package dev.aiwizard.core.job;

import dev.aiwizard.core.conversation.ConversationId;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The words a job says in its thread: the status message it edits as it goes, why it failed, and the message that
 * delivers the code. The conversation's own words are in {@code conversation.Replies}; what a delivery writes on
 * its pull request is in {@link PullRequestText} and {@link ValidationText}.
 */
final class JobReplies {
    private JobReplies() {
    }

    /** The one status message of a job, edited in place with {@code note}. */
    static String status(JobId job, String name, String note) {
        return "Job " + job + " (" + name + "): " + note;
    }

    static String planning() {
        return "planning the files";
    }

    static String generated(int files) {
        return "generated " + files + " files (code, tests and docs); checking them";
    }

    static String runningTests() {
        return "running the project's tests in a sandbox";
    }

    /** A failed test run ({@code summary}) that the model now repairs, in round {@code round} of {@code rounds}. */
    static String repairing(String summary, int round, int rounds) {
        return summary + " — repairing, " + ofRounds(round, rounds);
    }

    /** The generator's own {@code note} while it repairs. */
    static String repairNote(String note, int round, int rounds) {
        return note + " (repair " + ofRounds(round, rounds) + ")";
    }

    private static String ofRounds(int round, int rounds) {
        return "round " + round + " of " + rounds;
    }

    static String repairSkipped(int round, String why) {
        return "repair round " + round + " did not happen: " + why;
    }

    static String committing(int files) {
        return "committing " + files + " files";
    }

    static String cancelledBeforeDelivery() {
        return "cancelled before delivery";
    }

    static String donePushed(String summary) {
        return "done: pushed " + summary;
    }

    static String failed() {
        return "failed";
    }

    /** What was delivered, in one line: kept with the job and shown in its status. */
    static String deliverySummary(int files, PublishResult pushed, String shortSha) {
        return files + " files on branch " + pushed.branch() + " (commit " + shortSha + ")"
                + (pushed.pullRequestUrl() == null ? "" : ", pull request #" + pushed.pullRequest());
    }

    /** The thread's message when the code is delivered; {@code validation} is the tests' line, maybe empty. */
    static String delivered(String name, GeneratedProject project, PublishResult pushed, String shortSha,
                            String validation) {
        return "Done: **" + name + "** — " + project.files().size()
                + " files (code, tests and docs) on branch `" + pushed.branch() + "`, commit `" + shortSha + "`.\n"
                + (pushed.pullRequestUrl() == null ? "" : "Pull request #" + pushed.pullRequest() + ": "
                        + pushed.pullRequestUrl() + "\n")
                + "Get it: `git clone --branch " + pushed.branch() + " " + pushed.location() + "`\n"
                + "Run its tests: `" + project.testCommand() + "`\n"
                + validation
                + "Made by " + project.engine() + " (" + project.usage().describe() + ").\n"
                + notes(project.notes()) + notes(pushed.notes())
                + "Say `change <what>` to revise it on the same branch.";
    }

    private static String notes(List<String> notes) {
        return notes.stream().map(n -> "Note: " + n + "\n").collect(Collectors.joining());
    }

    /** The thread's message when the job failed for {@code why}. */
    static String generationFailed(String why) {
        return "Generation failed: " + why + "\nSay `generate` to try again, or `change <what>` first.";
    }

    static String gaveUp(int attempts) {
        return "gave up after " + attempts + " attempts";
    }

    static String checksFailed(List<String> problems) {
        return "the generated files did not pass the checks: " + String.join("; ", problems);
    }

    /** A failure nobody expected: named, with where the details are, but not its internals. */
    static String unexpectedError(Throwable e, ConversationId conversation) {
        return "an unexpected error (" + e.getClass().getSimpleName() + "); details are in the bot's log under "
                + "conversation " + conversation;
    }
}
