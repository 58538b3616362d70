package dev.aiwizard.git;

import static dev.aiwizard.git.Deliveries.ALICE;
import static dev.aiwizard.git.Deliveries.FILES;
import static dev.aiwizard.git.Deliveries.first;
import static dev.aiwizard.git.Deliveries.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.core.job.PublishException;
import dev.aiwizard.core.job.PublishResult;
import dev.aiwizard.git.testing.GitTestSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitTargetTest {
    @TempDir
    Path tmp;
    private GitSettings settings;
    private GitPublisher publisher;

    @BeforeEach
    void setUp() {
        settings = GitTestSettings.local(tmp.resolve("data")).withAllowedTargets(List.of("*"));
        publisher = new GitPublisher(settings);
    }

    @Test
    void aFileUriRemoteWorksAndIsShownAsGiven() throws Exception {
        Path remote = Repos.emptyBare(tmp.resolve("shared.git"));
        String uri = remote.toUri().toString();

        PublishResult r = publisher.publish(request(ALICE, uri, null, FILES));

        assertEquals(uri, r.location());
        assertEquals(ObjectId.fromString(r.commitId()), Repos.tip(remote, "wizard/todo-app-alice001"));
        assertEquals(List.of("wizard/todo-app-alice001"), Repos.branches(remote));
    }

    @Test
    void aSpecWithoutTargetUsesTheConfiguredDefaultRemote() throws Exception {
        Path remote = Repos.emptyBare(tmp.resolve("team.git"));
        GitPublisher p = new GitPublisher(settings(tmp.resolve("repos"), remote.toString()));

        PublishResult r = p.publish(first(ALICE));

        assertEquals(remote.toString(), r.location());
        assertFalse(Files.exists(tmp.resolve("repos")), "no local repository when the default is a remote");
    }

    @Test
    void aRelativeReposFolderIsShownRelative() throws Exception {
        Path relative = Path.of("").toAbsolutePath().relativize(tmp.resolve("rel"));
        GitPublisher p = new GitPublisher(settings(relative, "local"));

        PublishResult r = p.publish(first(ALICE));

        assertEquals(relative.resolve("todo-app.git").toString(), r.location());
        assertFalse(Path.of(r.location()).isAbsolute());
    }

    @Test
    void aReposFolderBehindARegularFileFailsClearlyAndLeavesNothingBehind() throws Exception {
        Path file = Files.writeString(tmp.resolve("not-a-folder"), "x");
        for (Path reposDir : List.of(file, file.resolve("repos"))) {
            GitPublisher blocked = new GitPublisher(settings(reposDir, "local"));

            PublishException e = assertThrows(PublishException.class, () -> blocked.publish(first(ALICE)));

            assertTrue(e.getMessage().startsWith("could not create the repository "), e.getMessage());
        }
        assertEquals("x", Files.readString(file));
        assertEquals(List.of(file), Deliveries.list(tmp), "no repository, no scratch folder");
    }

    @Test
    void aPathThatIsNotARepositoryIsRefusedAndNothingIsCreated() throws Exception {
        Path plain = Files.createDirectories(tmp.resolve("plain-folder"));
        Path file = Files.writeString(tmp.resolve("file.git"), "x");
        Path missing = tmp.resolve("missing.git");
        for (String target : List.of(missing.toString(), missing.toUri().toString(), plain.toString(),
                file.toString())) {
            PublishException e = assertThrows(PublishException.class,
                    () -> publisher.publish(request(ALICE, target, null, FILES)), target);

            assertEquals("there is no git repository at " + target, e.getMessage());
        }
        assertFalse(Files.exists(missing));
        assertEquals(List.of(), Deliveries.list(plain));
        Deliveries.assertNoScratchLeft(settings);
    }

    @Test
    void targetsTheBotCannotOrMustNotUseAreRefusedWithoutRepeatingSecrets() {
        for (String target : List.of("relative/path.git", "ftp://host/x.git", "http://host/x.git",
                "https://user:secret@host/x.git", "https://ghp_token@host/x.git", "ssh://git:secret@host/x.git",
                "https:///no-host.git", "file://host/srv/x.git", "not a target", "-uhack")) {
            PublishException e = assertThrows(PublishException.class,
                    () -> publisher.publish(request(ALICE, target, null, FILES)), target);

            assertFalse(e.getMessage().contains("secret") || e.getMessage().contains("ghp_"), e.getMessage());
        }
        assertFalse(Files.exists(settings.reposDir()));
    }

    @Test
    void onlyLocalTheDefaultAndAllowedTargetsAreUsedAndARefusalLooksNothingUp() throws Exception {
        Path other = Repos.emptyBare(tmp.resolve("other.git"));
        GitSettings strict = GitTestSettings.local(tmp.resolve("strict")).withAllowedTargets(
                List.of("https://github.com/acme/*", tmp.resolve("shared.git").toString()));
        GitPublisher guarded = new GitPublisher(strict);

        PublishException refused = assertThrows(PublishException.class,
                () -> guarded.publish(request(ALICE, other.toString(), null, FILES)));
        assertEquals("the target '" + other + "' is not one this bot may deliver to; an admin can allow it with "
                + "WIZARD_ALLOWED_TARGETS, or leave the target to the default (local)", refused.getMessage());
        PublishException hidden = assertThrows(PublishException.class, () -> guarded.publish(request(ALICE,
                "https://bob:s3cret-token@evil.example/x.git", null, FILES)));
        assertFalse(hidden.getMessage().contains("s3cret"), hidden.getMessage());
        PublishException missing = assertThrows(PublishException.class,
                () -> guarded.publish(request(ALICE, tmp.resolve("nowhere.git").toString(), null, FILES)));
        assertTrue(missing.getMessage().contains("is not one this bot may deliver to"), "no lookup of the folder");

        assertTrue(strict.allows("local") && strict.allows("https://github.com/acme/tasks.git"));
        assertFalse(strict.allows("https://github.com/other/tasks.git"));
        assertEquals(List.of(), Repos.branches(other));
        assertTrue(guarded.publish(request(ALICE, "local", null, FILES)).branch().startsWith("wizard/"));
    }

    @Test
    void settingsRefuseValuesThatWouldCorruptACommit() {
        Path d = tmp.resolve("d");
        assertThrows(IllegalArgumentException.class, () -> new GitSettings(d, " ", "AI Wizard", "w@x", d));
        assertThrows(IllegalArgumentException.class, () -> new GitSettings(d, "local", "Bot\n", "w@x", d));
        assertThrows(IllegalArgumentException.class, () -> new GitSettings(d, "local", "Bot", "w <x>", d));
        assertThrows(NullPointerException.class, () -> new GitSettings(null, "local", "Bot", "w@x", d));
    }

    private GitSettings settings(Path reposDir, String defaultTarget) {
        return new GitSettings(reposDir, defaultTarget, "AI Wizard", "wizard@localhost", settings.workDir(),
                List.of("*"));
    }
}
