package dev.aiwizard.core.conversation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.core.chat.ThreadRef;
import dev.aiwizard.core.chat.UserRef;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who may do what, from the thread's own platform and from another surface (the web pages). */
class WhoMayTest {
    private static final UserRef ALICE_SLACK = new UserRef("U1ALICE", "alice");
    private static final Conversation SLACK = Conversation.start(ConversationId.random(),
            new ThreadRef("slack", "C1", "1.2"), ALICE_SLACK, "a todo service", Instant.EPOCH);
    private static final Conversation WEB = Conversation.start(ConversationId.random(),
            new ThreadRef("web", "alice-gh", "t1"), new UserRef("alice-gh", "Alice"), "a shop", Instant.EPOCH);

    private final WhoMay whoMay = new WhoMay(AdminPolicy.none().withUsers("web", List.of("Boss")),
            Identities.none().link("web", "Alice-GH", "slack", "U1ALICE"));

    @Test
    void inTheThreadAnyoneTakesPartButOnlyTheRequesterDecides() {
        UserRef bob = new UserRef("U2BOB", "bob");

        assertTrue(whoMay.mayTakePart(SLACK, bob, "slack"));
        assertFalse(whoMay.mayDecide(SLACK, bob, "slack"));
        assertTrue(whoMay.mayDecide(SLACK, ALICE_SLACK, "slack"));
    }

    @Test
    void fromTheWebALinkedRequesterDecidesAndOthersOnlyRead() {
        UserRef aliceWeb = new UserRef("alice-gh", "Alice");
        UserRef stranger = new UserRef("mallory", "Mallory");

        assertTrue(whoMay.isRequester(SLACK, aliceWeb, "web"), "logins are case-insensitive");
        assertTrue(whoMay.mayDecide(SLACK, aliceWeb, "web"));
        assertTrue(whoMay.maySee(SLACK, stranger, "web"));
        assertFalse(whoMay.mayTakePart(SLACK, stranger, "web"));
    }

    @Test
    void aWebIdThatLooksLikeAChatIdIsNotThatPerson() {
        // Someone whose login happens to be the Slack requester's id is not them: only links count.
        UserRef lookalike = new UserRef("U1ALICE", "not alice");

        assertFalse(whoMay.isRequester(SLACK, lookalike, "web"));
        assertFalse(whoMay.mayTakePart(SLACK, lookalike, "web"));
    }

    @Test
    void aWebConversationIsItsRequestersAndTheAdmins() {
        assertTrue(whoMay.maySee(WEB, new UserRef("alice-gh", "Alice"), "web"));
        assertTrue(whoMay.maySee(WEB, new UserRef("boss", "Boss"), "web"), "admin, case-insensitively");
        assertFalse(whoMay.maySee(WEB, new UserRef("mallory", "Mallory"), "web"));
        assertFalse(whoMay.mayTakePart(WEB, new UserRef("mallory", "Mallory"), "web"),
                "a web thread is no team: the turn refuses a stranger's post even if a page let it through");
        assertTrue(whoMay.mayDecide(SLACK, new UserRef("boss", "Boss"), "web"), "a web admin decides anywhere");
        assertFalse(whoMay.mayDecide(SLACK, new UserRef("boss", "Boss"), "slack"),
                "a web admin's login means nothing in Slack");
    }
}
