package dev.aiwizard.core.conversation;

import java.time.Duration;
import java.util.List;

/**
 * The words the bot says when it will not or cannot do what was asked: who may decide, limits, an idea it cannot
 * start from, options it ignores, a place it will not deliver to. {@link Replies}' sibling, in one place so a web
 * surface and other languages reuse them; the reasons a rule gives (a protected path, a limit) come from the rule.
 */
final class Refusals {
    /** What only the requester (or an admin) may do, as "Only alice can ..." says it. */
    static final String APPROVE = "approve this conversation";
    static final String CANCEL = "cancel this conversation";
    static final String CHANGE_DELIVERED = "change the delivered code";

    private Refusals() {
    }

    static String onlyRequester(String requester, String act) {
        return "Only " + requester + " can " + act + " (or an admin).";
    }

    /** For someone who may read a conversation of {@code platform} from elsewhere, but not take part in it. */
    static String readOnly(String platform) {
        return "This conversation started in " + platform + ": from here only the person who asked for it, or an "
                + "admin, can take part. You can follow it, or answer in its " + platform + " thread.";
    }

    static String ideaMissing(String startHint) {
        return "Tell me the idea, e.g. `" + startHint.replace("<idea>",
                "a todo service where people manage tasks with a title and a done flag") + "`.";
    }

    static String ideaTooLong(int length, int limit) {
        return "That idea is " + length + " characters long; the limit is " + limit
                + ". Please shorten it — details can come as answers later.";
    }

    static String tooManyConversations(int limit, Duration retryAfter) {
        return "You have started " + limit + " conversations in the last hour. Please try again in "
                + minutes(retryAfter) + ".";
    }

    static String tooManyGenerations(int limit, Duration retryAfter) {
        return "You have reached " + limit + " generations in the last hour. Please try again in "
                + minutes(retryAfter) + ".";
    }

    static String busy() {
        return "I'm still busy with the previous message in this thread; please send that again in a moment.";
    }

    static String modelChoiceOff() {
        return "Choosing a model with `model=` is not enabled here; I'll use the configured one.";
    }

    static String modelNotAllowed(String model, List<String> allowed) {
        return "`model=" + model + "` is not one of the models allowed here (" + String.join(", ", allowed)
                + "); I'll use the configured one.";
    }

    /** The options of an idea that were ignored ({@link #repoIgnored} and its siblings), as one note. */
    static String optionsIgnored(List<String> problems) {
        return "Note: " + String.join("; ", problems) + ".";
    }

    static String repoIgnored(String shown) {
        return "`repo=` takes owner/repo or a git URL, so I ignored `" + shown + "`";
    }

    static String branchIgnored(String shown) {
        return "`" + shown + "` is not a branch name, so I ignored `branch=`";
    }

    static String pathIgnored(String shown) {
        return "`path=` takes a folder inside the repository (like services/todo), so I ignored `" + shown + "`";
    }

    /** Why nothing goes into {@code folder}; {@code why} is the protected-path rule's reason. */
    static String placementRefused(String folder, String why) {
        return "I can't put the project in `" + folder + "`: " + why.replace("`" + folder + "` is ", "it is ")
                + ". Nothing was generated; ask again with a plain folder (like `path=services/todo`) or without "
                + "`path=`.";
    }

    static String targetNotAllowed(String target, String defaultTarget) {
        return "I can't deliver to `" + target + "`: it is not one of the targets allowed here. Say `change target to "
                + "default` to deliver to " + defaultTarget + ", or ask an admin to allow it (WIZARD_ALLOWED_TARGETS).";
    }

    private static String minutes(Duration d) {
        long m = Math.max(1, (d.toSeconds() + 59) / 60);
        return m + " minute" + (m == 1 ? "" : "s");
    }
}
