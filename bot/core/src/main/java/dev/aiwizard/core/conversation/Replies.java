package dev.aiwizard.core.conversation;

import dev.aiwizard.core.chat.BotMessage;
import dev.aiwizard.core.chat.Choice;
import dev.aiwizard.core.spec.Spec;
import dev.aiwizard.core.spec.SpecChanges;
import dev.aiwizard.core.spec.SpecMarkdown;
import java.util.ArrayList;
import java.util.List;

/**
 * The words the bot says in a conversation, in one place so they stay consistent and a web surface and other
 * languages can reuse them; what it says when it refuses is in the sibling {@link Refusals}.
 */
public final class Replies {
    private Replies() {
    }

    /** The choices shown with the spec; a number typed in the thread means the same as pressing one. */
    static final List<Choice> APPROVAL_CHOICES = List.of(new Choice("Generate", "generate"),
            new Choice("Change", "change"), new Choice("Cancel", "cancel"));

    /**
     * The choices on offer in {@code c} now, as its last message showed them: the pending question's, or Generate,
     * Change and Cancel while the spec waits for approval (or after a failure); none otherwise. For surfaces that show
     * the conversation rather than replay its messages (the web pages).
     */
    public static List<Choice> choicesNow(Conversation c) {
        if (c.pending() != null) {
            return c.pending().choices().stream().map(Choice::of).toList();
        }
        return c.state() == ConversationState.AWAITING_APPROVAL || c.state() == ConversationState.FAILED
                ? APPROVAL_CHOICES : List.of();
    }

    static BotMessage question(Question q, String note) {
        StringBuilder text = new StringBuilder();
        if (note != null && !note.isBlank()) {
            text.append(note.strip()).append("\n\n");
        }
        text.append(q.text());
        text.append(q.remainingAfter() == 0 ? "\n(last question — or say `skip` to use defaults)"
                : "\n(" + q.remainingAfter() + " more question" + (q.remainingAfter() == 1 ? "" : "s")
                        + " at most after this — or say `skip` to use defaults)");
        return new BotMessage(text.toString(), q.choices().stream().map(Choice::of).toList());
    }

    /**
     * The note for a reply to a change request: "I changed: added entity Book (title text); removed from Member:
     * phone." before {@code note}; {@code note} alone when nothing changed or the message was no change request.
     */
    static String changed(boolean sayChanges, Spec before, Spec after, String note) {
        List<String> changes = sayChanges ? SpecChanges.describe(before, after).stream()
                .filter(c -> !c.startsWith("added operations") || !before.operations().isEmpty()).toList() : List.of();
        if (changes.isEmpty()) {
            return note;
        }
        String said = "I changed: " + String.join("; ", changes) + ".";
        return note == null || note.isBlank() ? said : said + "\n" + note.strip();
    }

    static BotMessage summary(Conversation c, String note) {
        StringBuilder text = new StringBuilder();
        if (note != null && !note.isBlank()) {
            text.append(note.strip()).append("\n\n");
        }
        text.append("Here is the spec. Reply `generate` to build it, `change <what>` to adjust it, or `cancel`.\n\n");
        text.append(SpecMarkdown.render(c.spec()));
        return new BotMessage(text.toString(), APPROVAL_CHOICES);
    }

    static BotMessage help(Conversation c, String startHint) {
        String common = "Commands: `status` (where things stand), `cancel` (stop this conversation), `help`.";
        String byState = c == null ? "Start a conversation with `" + startHint + "`."
                : switch (c.state()) {
                    case QUESTIONING -> "Answer the question in your own words (one message may answer several), "
                            + "or say `skip` to take sensible defaults for the rest.";
                    case AWAITING_APPROVAL -> "Say `generate` (or `yes`) to build it, or `change <what>`, "
                            + "e.g. `change add a due date to task`.";
                    case GENERATING, REVISING -> "I'm generating the code; I'll post here when it is done.";
                    case PR_OPEN -> "The code is delivered. Say `change <what>` to revise it on the same branch.";
                    case FAILED -> "The last generation failed. Say `generate` to try again, or `change <what>`.";
                    case MERGED, CLOSED, CANCELLED -> "This conversation is over. Start a new one with `"
                            + startHint + "`.";
                };
        return BotMessage.text(byState + "\n" + common);
    }

    static String status(Conversation c, GenerationQueue.JobStatus job, List<Conversation> others) {
        StringBuilder s = new StringBuilder();
        if (c != null) {
            s.append("Conversation ").append(c.id()).append(nameOf(c)).append(": ").append(label(c.state()));
            s.append(" — ").append(c.questionsAsked()).append(" question").append(c.questionsAsked() == 1 ? "" : "s")
                    .append(" asked.");
            if (job != null) {
                s.append("\nJob ").append(job.id()).append(": ").append(job.state())
                        .append(" — ").append(job.progress());
                if (job.error() != null) {
                    s.append(" (").append(job.error()).append(')');
                }
            }
            if (c.branch() != null) {
                s.append("\nBranch: `").append(c.branch()).append('`');
                if (job != null && job.location() != null) {
                    s.append(" in ").append(job.location());
                }
            }
        }
        List<Conversation> rest = new ArrayList<>(others);
        if (c != null) {
            rest.removeIf(o -> o.id().equals(c.id()));
        }
        if (!rest.isEmpty()) {
            s.append(s.isEmpty() ? "Conversations here:" : "\n\nOther conversations here:");
            for (Conversation o : rest) {
                s.append("\n- ").append(o.id()).append(nameOf(o)).append(": ").append(label(o.state()));
                if (o.branch() != null) {
                    s.append(" (branch `").append(o.branch()).append("`)");
                }
            }
        }
        return s.isEmpty() ? "No conversations here yet." : s.toString();
    }

    static String noConversation(String startHint) {
        return "There is no conversation here yet. Start one with `" + startHint + "`.";
    }

    static String stillGenerating(String progress) {
        return "I'm still generating (" + (progress == null ? "queued" : progress) + "). I'll post here when it is "
                + "done; `status` shows progress.";
    }

    /** For a conversation that is over and hears more. */
    static String over(ConversationState state, String startHint) {
        return "This conversation is " + label(state) + ". Start a new one with `" + startHint + "`.";
    }

    static String alreadyOver(ConversationState state) {
        return "This conversation is already " + label(state) + ".";
    }

    static String usingDefaults() {
        return "Using defaults for the rest.";
    }

    static String questionStillOpen() {
        return "I still have a question open. Answer it, or say `skip` to take defaults for the rest; then `generate`.";
    }

    static String nothingLeftToAsk() {
        return "There is nothing left to ask. Say `generate` to build it, or `change <what>`.";
    }

    static String awaitingApproval() {
        return "Say `generate` to build this spec, `change <what>` to adjust it (e.g. `change add a due date to task`), "
                + "or `cancel`.";
    }

    static String delivered(String branch) {
        return "The code is on branch `" + branch + "`. Say `change <what>` to revise it.";
    }

    static String changeWhat() {
        return "Tell me what to change, e.g. `change add a due date to task` or `change rename to shop-api`.";
    }

    static String queued(String jobId) {
        return "Approved. Generation job " + jobId + " is queued; I'll keep a status message here up to date.";
    }

    static String cancelled(String branch, String startHint) {
        return "Cancelled. Nothing more will happen in this conversation"
                + (branch == null ? "." : "; branch `" + branch + "` stays as it is.")
                + " Start a new one with `" + startHint + "`.";
    }

    /** A reviewer's change request, said in the thread before it is applied. */
    static String reviewChange(String who, String where, String what) {
        return who + " asked for a change in " + where + ": " + what;
    }

    /** A reviewer's change request for a conversation that takes none now ({@code state}). */
    static String reviewChangeIgnored(String who, String where, ConversationState state, String what) {
        return who + " asked for a change in " + where + ", but this conversation is " + label(state)
                + ", so nothing was changed: " + what;
    }

    static String merged(String what, String by) {
        return "The " + what + " was merged by " + by + ". This conversation is done; thank you!";
    }

    static String closed(String what, String by, String startHint) {
        return "The " + what + " was closed without merging (by " + by + "). This conversation is closed; start a new "
                + "one with `" + startHint + "`.";
    }

    /** {@link #secretsRemoved(List)} said in the thread, for {@code who}. */
    static String secretsRemoved(String who, List<String> kinds) {
        return who + ": " + secretsRemoved(kinds);
    }

    /** Tells a person what was removed from their message, e.g. "a GitHub token" (in a chat or an API answer). */
    public static String secretsRemoved(List<String> kinds) {
        return "I removed " + String.join(" and ", kinds) + " from your message: secrets never go into the spec, "
                + "the code, commits or the pull request. Keep them in your repository's or platform's secret "
                + "settings instead.";
    }

    /** How people read a conversation's state ("waiting for approval"), in chat and on the web pages. */
    public static String label(ConversationState s) {
        return switch (s) {
            case QUESTIONING -> "asking questions";
            case AWAITING_APPROVAL -> "waiting for approval";
            case GENERATING -> "generating";
            case PR_OPEN -> "delivered";
            case REVISING -> "revising";
            case MERGED -> "merged";
            case CLOSED -> "closed";
            case CANCELLED -> "cancelled";
            case FAILED -> "failed";
        };
    }

    private static String nameOf(Conversation c) {
        return c.spec().name() == null ? "" : " (" + c.spec().name() + ")";
    }
}
