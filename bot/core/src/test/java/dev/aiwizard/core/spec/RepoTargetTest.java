package dev.aiwizard.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** owner/repo as GitHub names repositories, read the same way by every reader of a target. */
class RepoTargetTest {
    @ParameterizedTest
    @ValueSource(strings = {"acme/todo", "a/b", "Acme-Corp/todo.api", "x1/_private-repo.git", "acme/a..b"})
    void aGitHubRepositoryNameIsReadAsOwnerAndName(String text) {
        RepoTarget t = RepoTarget.parse(text).orElseThrow();
        assertEquals(text, t.toString());
        assertEquals(text.substring(0, text.indexOf('/')), t.owner());
    }

    @ParameterizedTest
    @ValueSource(strings = {"acme/..", "acme/.", "-acme/todo", "acme/todo/x", "acme", "/todo", "acme/",
            "https://github.com/acme/todo", "acme/to do", "a_b/todo", "local",
            "a234567890123456789012345678901234567890/todo"})
    void anythingElseIsNoGitHubRepository(String text) {
        assertEquals(Optional.empty(), RepoTarget.parse(text));
    }

    @Test
    void aGitSuffixIsNotPartOfTheRepositorysName() {
        assertEquals(new RepoTarget("acme", "todo"), RepoTarget.parse("acme/todo.git").orElseThrow()
                .withoutGitSuffix());
        assertEquals(new RepoTarget("acme", ".git"), new RepoTarget("acme", ".git").withoutGitSuffix(),
                "nothing would be left");
    }

    @Test
    void aRecordThatIsNoRepositoryCannotBeMade() {
        assertThrows(IllegalArgumentException.class, () -> new RepoTarget("acme", ".."));
        assertTrue(RepoTarget.parse(null).isEmpty());
    }
}
