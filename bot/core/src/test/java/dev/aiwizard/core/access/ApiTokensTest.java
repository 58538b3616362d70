package dev.aiwizard.core.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.core.chat.UserRef;
import dev.aiwizard.core.testing.MemoryApiTokenStore;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiTokensTest {
    private static final Principal ALICE = Principal.person(new UserRef("alice", "Alice"));
    private static final Principal BOB = Principal.person(new UserRef("bob", "Bob"));

    private final MemoryApiTokenStore store = new MemoryApiTokenStore();
    private final ApiTokens tokens = new ApiTokens(store, Clock.systemUTC());

    private ApiTokens.Issue.Issued issue(Principal caller, UserRef owner, String name) {
        return assertInstanceOf(ApiTokens.Issue.Issued.class, tokens.issue(caller, owner, name));
    }

    @Test
    void anIssuedTokenIsRecognisedAsItsOwnerAndOnlyItsHashIsKept() {
        var issued = issue(ALICE, null, "laptop");

        assertTrue(issued.secret().matches("wzt_[a-z0-9]{48}"), issued.secret());
        assertEquals(Optional.of(ALICE), tokens.recognise(issued.secret()));
        assertEquals(issued.token(), store.findActive(ApiTokens.hash(issued.secret())).orElseThrow());
        assertFalse(store.listAll(10).toString().contains(issued.secret()));
    }

    @Test
    void aRevokedTokenIsNoLongerRecognised() {
        var issued = issue(ALICE, null, "laptop");

        var revoked = tokens.revoke(ALICE, issued.token().id()).orElseThrow();

        assertTrue(revoked.revoked());
        assertEquals(Optional.empty(), tokens.recognise(issued.secret()));
    }

    @Test
    void strangersAndLookalikesAreNotRecognised() {
        var issued = issue(ALICE, null, "laptop");
        String other = issued.secret().substring(0, issued.secret().length() - 1)
                + (issued.secret().endsWith("a") ? "b" : "a");

        assertEquals(Optional.empty(), tokens.recognise(other));
        assertEquals(Optional.empty(), tokens.recognise("Bearer " + issued.secret()));
        assertEquals(Optional.empty(), tokens.recognise(null));
    }

    @Test
    void aPersonSeesAndRevokesOnlyTheirOwnTokensAndTheOperatorAll() {
        var alices = issue(ALICE, null, "laptop");
        var bobs = issue(BOB, null, "ci");

        assertEquals(List.of(alices.token()), tokens.list(ALICE));
        assertEquals(Optional.empty(), tokens.revoke(BOB, alices.token().id()), "Bob cannot even see it");
        assertTrue(tokens.recognise(alices.secret()).isPresent());
        assertEquals(2, tokens.list(Principal.operatorItself()).size());
        assertTrue(tokens.revoke(Principal.operatorItself(), bobs.token().id()).orElseThrow().revoked());
        assertTrue(tokens.recognise(bobs.secret()).isEmpty());
    }

    @Test
    void onlyTheOperatorIssuesTokensForSomeoneElse() {
        assertInstanceOf(ApiTokens.Issue.NotAllowed.class, tokens.issue(ALICE, new UserRef("bob", "Bob"), "x"));

        var forBob = issue(Principal.operatorItself(), new UserRef("bob", "Bob"), "ci");

        assertEquals(Optional.of(BOB), tokens.recognise(forBob.secret()));
    }

    @Test
    void aTokenNeedsAUsableNameAndOwner() {
        assertEquals("name", assertInstanceOf(ApiTokens.Issue.Invalid.class, tokens.issue(ALICE, null, " ")).field());
        assertEquals("name", assertInstanceOf(ApiTokens.Issue.Invalid.class,
                tokens.issue(ALICE, null, "x".repeat(101))).field());
        assertEquals("user", assertInstanceOf(ApiTokens.Issue.Invalid.class,
                tokens.issue(Principal.operatorItself(), new UserRef("no spaces please", "x"), "ci")).field());
    }
}
