package dev.aiwizard.git;

import java.io.IOException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.eclipse.jgit.errors.NoRemoteRepositoryException;
import org.eclipse.jgit.errors.NotSupportedException;
import org.eclipse.jgit.transport.RemoteRefUpdate;

/** Puts what went wrong with a remote into words for the person who asked for the delivery. */
final class Failures {
    private static final Pattern NO_PERMISSION = Pattern.compile(
            "(?i).*(denied|permission|not permitted|not allowed|not authori[sz]ed|forbidden|unauthori[sz]ed|auth fail"
                    + "|authentication|\\b401\\b|\\b403\\b).*", Pattern.DOTALL);
    private static final int MAX_REMOTE_TEXT = 200;

    private Failures() {
    }

    /** Whether a rejected push only lost a race with another push, so trying again from a fresh look can succeed. */
    static boolean isRace(RemoteRefUpdate.Status status, String remoteMessage) {
        return status == RemoteRefUpdate.Status.REJECTED_REMOTE_CHANGED
                || status == RemoteRefUpdate.Status.REJECTED_OTHER_REASON && remoteMessage != null
                && remoteMessage.toLowerCase(Locale.ROOT).contains("lock");
    }

    /** Why the push of {@code branch} to {@code location} was not accepted. */
    static String rejected(RemoteRefUpdate.Status status, String remoteMessage, String branch, String location) {
        String said = remoteMessage == null || remoteMessage.isBlank() ? "" : ": " + clean(remoteMessage);
        return switch (status) {
            case REJECTED_NONFASTFORWARD -> "the push of " + branch + " to " + location + " was refused as a "
                    + "non-fast-forward: the branch there has commits this delivery does not build on; nothing was "
                    + "overwritten";
            case REJECTED_REMOTE_CHANGED -> "the branch " + branch + " at " + location + " kept changing while the "
                    + "bot was pushing; nothing was overwritten, try again";
            case REJECTED_OTHER_REASON, REJECTED_NODELETE -> NO_PERMISSION.matcher(said).matches()
                    ? "the bot is not allowed to push " + branch + " to " + location + " (missing permission)" + said
                    : "the remote at " + location + " rejected the push of " + branch + said;
            default -> "the push of " + branch + " to " + location + " did not complete (" + status + ")" + said;
        };
    }

    /** Why talking to {@code location} failed ({@code e}: JGit's transport or not-supported exception). */
    static String unreachable(IOException e, Target target) {
        String location = target.location();
        String said = e.getMessage() == null ? "" : clean(e.getMessage());
        // JGit starts its messages with the URI, which the sentence already names.
        for (String prefix : new String[] {target.uri() + ": ", location + ": "}) {
            said = said.startsWith(prefix) ? said.substring(prefix.length()) : said;
        }
        if (e instanceof NoRemoteRepositoryException) {
            return "there is no git repository at " + location;
        }
        if (e instanceof NotSupportedException) {
            return "the bot cannot talk to " + location + ": " + said;
        }
        if (NO_PERMISSION.matcher(said).matches()) {
            return "the bot is not allowed to use " + location + " (missing permission or credentials): " + said;
        }
        return "could not reach the git repository at " + location + ": " + said;
    }

    /** Remote text is shown in a chat thread: one line, printable, short. */
    static String clean(String text) {
        String s = text.replaceAll("\\p{Cntrl}+", " ").strip();
        return s.length() > MAX_REMOTE_TEXT ? s.substring(0, MAX_REMOTE_TEXT) + "..." : s;
    }
}
