package dev.aiwizard.git;

import static org.eclipse.jgit.transport.RemoteRefUpdate.Status.REJECTED_NONFASTFORWARD;
import static org.eclipse.jgit.transport.RemoteRefUpdate.Status.REJECTED_OTHER_REASON;
import static org.eclipse.jgit.transport.RemoteRefUpdate.Status.REJECTED_REMOTE_CHANGED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FailuresTest {
    private static final String AT = "https://git.example.org/team/app.git";
    private static final String BRANCH = "wizard/todo-app";

    @Test
    void aRefusalForLackOfPermissionSaysSo() {
        assertEquals("the bot is not allowed to push wizard/todo-app to " + AT + " (missing permission): "
                        + "permission denied to wizard-bot",
                Failures.rejected(REJECTED_OTHER_REASON, "permission denied to wizard-bot", BRANCH, AT));
    }

    @Test
    void otherRefusalsRepeatWhatTheRemoteSaidOnOneLine() {
        assertEquals("the remote at " + AT + " rejected the push of wizard/todo-app: pre-receive hook declined "
                        + "(policy)",
                Failures.rejected(REJECTED_OTHER_REASON, "pre-receive hook declined\n(policy)", BRANCH, AT));
    }

    @Test
    void aNonFastForwardSaysNothingWasOverwritten() {
        String text = Failures.rejected(REJECTED_NONFASTFORWARD, null, BRANCH, AT);

        assertTrue(text.contains("non-fast-forward") && text.endsWith("nothing was overwritten"), text);
    }

    @Test
    void onlyLostRacesAreWorthAnotherAttempt() {
        assertTrue(Failures.isRace(REJECTED_REMOTE_CHANGED, null));
        assertTrue(Failures.isRace(REJECTED_OTHER_REASON, "failed to lock"));
        assertFalse(Failures.isRace(REJECTED_OTHER_REASON, "pre-receive hook declined"));
        assertFalse(Failures.isRace(REJECTED_NONFASTFORWARD, null));
    }
}
