package dev.aiwizard.git;

import dev.aiwizard.core.job.PublishException;
import dev.aiwizard.core.spec.RepoTarget;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.jgit.errors.NotSupportedException;
import org.eclipse.jgit.errors.TransportException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.util.FS;

/**
 * The repository a delivery goes to. {@code location} is what a person passes to {@code git clone} (as configured,
 * never with credentials); {@code localRepo} is set for the {@code local} target, whose bare repository is created on
 * first use; {@code gitHubRepo} for a GitHub repository ({@code owner/repo}), whose clone URL GitHub's API gives
 * ({@code uri} is {@code null} until then, see {@link #at(String)}).
 */
record Target(String location, URIish uri, Path localRepo, RepoTarget gitHubRepo) {
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://.*");
    private static final Pattern SCP = Pattern.compile("[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:[^\\s]+");
    private static final String KINDS = "use \"local\", owner/repo on GitHub, an absolute path to a git repository, "
            + "a file:// URI, or an https://, ssh:// or git@host:path URL";

    /** The target for a spec's {@code target} slot, falling back to {@code settings.defaultTarget()}. */
    static Target resolve(String specTarget, GitSettings settings, String projectName) {
        String raw = specTarget == null || specTarget.isBlank() ? settings.defaultTarget() : specTarget.strip();
        if (!settings.allows(raw)) {
            // Checked before anything is looked up, so a refused target cannot probe this machine's folders.
            throw new PublishException("the target '" + ProjectFiles.shown(withoutCredentials(raw)) + "' is not one "
                    + "this bot may deliver to; an admin can allow it with WIZARD_ALLOWED_TARGETS, or leave the target "
                    + "to the default (" + ProjectFiles.shown(withoutCredentials(settings.defaultTarget())) + ")");
        }
        if (raw.equalsIgnoreCase(GitSettings.LOCAL)) {
            Path repo = settings.reposDir().resolve(projectName + ".git");
            return new Target(repo.toString(), pathUri(repo), repo, null);
        }
        Optional<RepoTarget> gitHubRepo = RepoTarget.parse(raw);
        if (gitHubRepo.isPresent()) {
            return new Target(raw, null, null, gitHubRepo.get().withoutGitSuffix());
        }
        if (raw.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new PublishException("the target '" + ProjectFiles.shown(raw) + "' contains spaces or control "
                    + "characters; " + KINDS);
        }
        if (raw.startsWith("/")) {
            return existing(raw, path(raw, raw));
        }
        if (SCHEME.matcher(raw).matches()) {
            return url(raw, parse(raw));
        }
        if (SCP.matcher(raw).matches()) {
            return remote(raw, parse(raw));
        }
        throw new PublishException("the target '" + raw + "' is not a git remote the bot can use; " + KINDS);
    }

    /** {@code raw} with any user information of a URL ({@code https://user:token@host}) masked. */
    static String withoutCredentials(String raw) {
        return raw.replaceAll("(?<=//)[^/@\\s]*@", "***@");
    }

    /** This GitHub target at the clone URL GitHub gave for it. */
    Target at(String cloneUrl) {
        return new Target(cloneUrl, parse(cloneUrl), null, gitHubRepo);
    }

    /** Opens a connection to this target from the scratch repository {@code local}. */
    Transport open(Repository local) throws NotSupportedException, TransportException {
        return Transport.open(local, uri);
    }

    private static Target url(String raw, URIish uri) {
        return switch (uri.getScheme().toLowerCase(Locale.ROOT)) {
            case "file" -> {
                if (uri.getHost() != null && !uri.getHost().isEmpty()) {
                    throw new PublishException("the target '" + raw + "' names a host; a file:// URI must name a "
                            + "folder on this machine, like file:///srv/git/project.git");
                }
                yield existing(raw, path(uri.getPath(), raw));
            }
            case "https", "ssh" -> remote(raw, uri);
            default -> throw new PublishException("the target '" + raw + "' uses " + uri.getScheme()
                    + "://, which the bot does not push to; " + KINDS);
        };
    }

    private static Target remote(String raw, URIish uri) {
        if (uri.getPass() != null || "https".equalsIgnoreCase(uri.getScheme()) && uri.getUser() != null) {
            // The spec is stored and shown in the thread and the pull request: a secret there is a leaked secret.
            throw new PublishException("the target URL carries credentials (a user or password before the host); "
                    + "give the bot the URL without them and configure access separately");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty() || uri.getPath() == null || uri.getPath().isEmpty()) {
            throw new PublishException("the target '" + raw + "' needs both a host and a repository path");
        }
        return new Target(raw, uri, null, null);
    }

    /** A repository that must already exist on this machine (bare or not). */
    private static Target existing(String raw, Path path) {
        if (RepositoryCache.FileKey.resolve(path.toFile(), FS.DETECTED) == null) {
            throw new PublishException("there is no git repository at " + raw);
        }
        return new Target(raw, pathUri(path), null, null);
    }

    private static Path path(String text, String raw) {
        try {
            Path p = Path.of(text);
            if (!p.isAbsolute()) {
                throw new PublishException("the target '" + raw + "' is not an absolute path; " + KINDS);
            }
            return p.normalize();
        } catch (InvalidPathException e) {
            throw new PublishException("the target '" + raw + "' is not a valid path; " + KINDS, e);
        }
    }

    private static URIish parse(String raw) {
        try {
            return new URIish(raw);
        } catch (URISyntaxException e) {
            throw new PublishException("the target '" + raw + "' is not a valid git URL; " + KINDS, e);
        }
    }

    /** JGit resolves a relative local path against the scratch repository, so always hand it an absolute one. */
    private static URIish pathUri(Path path) {
        return new URIish().setPath(path.toAbsolutePath().normalize().toString().replace(File.separatorChar, '/'));
    }
}
