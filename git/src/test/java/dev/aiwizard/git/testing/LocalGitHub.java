package dev.aiwizard.git.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The local git server and fake GitHub as a process of their own, to try {@code ./wizard} with a GitHub target on a
 * machine without GitHub: prints the environment to start the bot with and serves until stopped.
 *
 * <p>Usage: {@code LocalGitHub <owner/repo> <token>}; the repository starts with one commit (a README) on its default
 * branch {@code main}, since the bot refuses an empty GitHub repository. {@code alice} and {@code bob} have write access, {@code eve} read access.
 */
public final class LocalGitHub {
    private LocalGitHub() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !args[0].matches("[^/]+/[^/]+")) {
            System.err.println("usage: LocalGitHub <owner/repo> <token>");
            System.exit(2);
        }
        String owner = args[0].substring(0, args[0].indexOf('/'));
        String repo = args[0].substring(args[0].indexOf('/') + 1);
        Path root = Files.createTempDirectory("local-github");
        GitHttpServer git = GitHttpServer.start(root);
        FakeGitHub gitHub = FakeGitHub.start();
        git.createBare(owner, repo);
        git.initialise(owner, repo);
        git.acceptToken(args[1]);
        gitHub.acceptToken(args[1]);
        gitHub.addRepo(owner, repo, git.url(owner, repo), "main");
        for (String login : new String[] {"alice", "bob"}) {
            gitHub.setPermission(owner, repo, login, "write");
        }
        gitHub.setPermission(owner, repo, "eve", "read");
        System.out.println("GITHUB_API_URL=" + gitHub.apiUrl());
        System.out.println("WIZARD_TARGET=" + args[0]);
        System.out.println("# repository on disk: " + git.repoDir(owner, repo));
        System.out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            git.close();
            gitHub.close();
        }));
        Thread.currentThread().join();
    }
}
