package dev.aiwizard.git.testing;

import java.nio.file.Path;

/**
 * One GitHub repository as the bot meets it in tests: the local git server holding it (one commit on {@code main})
 * and the fake REST API that knows it, both accepting {@code token}.
 */
public final class GitHubRepoFixture implements AutoCloseable {
    private final GitHttpServer git;
    private final FakeGitHub gitHub;

    private GitHubRepoFixture(GitHttpServer git, FakeGitHub gitHub) {
        this.git = git;
        this.gitHub = gitHub;
    }

    /** {@code owner/repo} under {@code root}, reachable with {@code token}. */
    public static GitHubRepoFixture start(Path root, String owner, String repo, String token) {
        GitHttpServer git = GitHttpServer.start(root);
        FakeGitHub gitHub = FakeGitHub.start();
        git.createBare(owner, repo);
        git.acceptToken(token);
        gitHub.acceptToken(token);
        gitHub.addRepo(owner, repo, git.url(owner, repo), "main");
        git.initialise(owner, repo);
        return new GitHubRepoFixture(git, gitHub);
    }

    public GitHttpServer git() {
        return git;
    }

    public FakeGitHub gitHub() {
        return gitHub;
    }

    @Override
    public void close() {
        git.close();
        gitHub.close();
    }
}
