package dev.aiwizard.git;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.Telemetry;
import dev.aiwizard.core.job.PublishException;
import dev.aiwizard.core.retry.Sleeper;
import dev.aiwizard.core.spec.RepoTarget;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.kohsuke.github.GHFileNotFoundException;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.HttpException;
import org.kohsuke.github.authorization.AppInstallationAuthorizationProvider;
import org.kohsuke.github.authorization.AuthorizationProvider;
import org.kohsuke.github.authorization.ImmutableAuthorizationProvider;
import org.kohsuke.github.extras.authorization.JWTTokenProvider;

/**
 * The bot's sessions with GitHub, one per installation: with a token, one for everything; as a GitHub App, one per
 * account the app is installed on, each with its own installation token that github-api renews five minutes before it
 * expires. Each session allows one write at a time, as GitHub asks of integrations to avoid secondary rate limits.
 */
final class GitHubAccess {
    private static final System.Logger LOG = System.getLogger(GitHubAccess.class.getName());

    private final GitHubSettings settings;
    private final GitHubLimits limits;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Telemetry telemetry;

    GitHubAccess(GitHubSettings settings, Sleeper sleeper, Clock clock) {
        this(settings, sleeper, clock, Telemetry.NONE);
    }

    GitHubAccess(GitHubSettings settings, Sleeper sleeper, Clock clock, Telemetry telemetry) {
        this.settings = requireNonNull(settings, "settings");
        this.telemetry = requireNonNull(telemetry, "telemetry");
        this.limits = new GitHubLimits(sleeper, clock, settings.maxRateLimitWait(), telemetry);
    }

    GitHubSettings settings() {
        return settings;
    }

    /** A repository as the bot sees it, with the session to use for it. */
    record Repo(RepoTarget name, GHRepository api, String cloneUrl, String defaultBranch, Session session) {
        /** {@code owner/repo} as GitHub spells it. */
        String fullName() {
            return name.toString();
        }

        String owner() {
            return name.owner();
        }
    }

    /** Looks up {@code target}; refusals say what to check, never with a secret. */
    Repo open(RepoTarget target) {
        String fullName = target.toString();
        Session session = session(target);
        try {
            GHRepository repo = session.gitHub().getRepository(fullName);
            if (repo.getHttpTransportUrl() == null || repo.getDefaultBranch() == null) {
                throw new PublishException("GitHub's answer for " + fullName + " has no clone URL or default branch");
            }
            // GitHub's own spelling of the name (its case), which pull requests and webhooks are matched by.
            RepoTarget name = RepoTarget.parse(repo.getFullName()).orElse(target);
            return new Repo(name, repo, repo.getHttpTransportUrl(), repo.getDefaultBranch(), session);
        } catch (IOException e) {
            throw new PublishException(explain(e, fullName), e);
        }
    }

    /** Why a GitHub call about {@code fullName} failed, in words for the thread. */
    String explain(IOException e, String fullName) {
        if (e instanceof GHFileNotFoundException) {
            return "GitHub has no repository " + fullName + " that the bot can see; check the name and that the "
                    + (settings.usesApp() ? "app is installed on it" : "token has access to it");
        }
        if (e instanceof HttpException h && h.getResponseCode() == 401) {
            return "GitHub did not accept the bot's credentials (401); check "
                    + (settings.usesApp() ? "GITHUB_APP_ID and GITHUB_APP_PRIVATE_KEY" : "GITHUB_TOKEN");
        }
        if (e instanceof HttpException h && h.getResponseCode() == 403) {
            return "GitHub did not allow this for " + fullName + " (403): " + Failures.clean(firstLine(h));
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpTimeoutException timeout) {
                // github-api wraps it in an HttpException of status -1, whose message says nothing of the wait.
                return "could not talk to GitHub at " + settings.apiUrl() + " about " + fullName + ": "
                        + timeout.getMessage();
            }
        }
        return "could not talk to GitHub at " + settings.apiUrl() + " about " + fullName + ": "
                + Failures.clean(firstLine(e));
    }

    private Session session(RepoTarget target) {
        // A GitHub App has one installation per account, so the owner names the session.
        String key = settings.usesApp() ? target.owner().toLowerCase(Locale.ROOT) : "";
        return sessions.computeIfAbsent(key, k -> connect(target));
    }

    private Session connect(RepoTarget target) {
        String fullName = target.toString();
        AuthorizationProvider auth;
        if (settings.usesApp()) {
            JWTTokenProvider jwt = new JWTTokenProvider(settings.appId(), PemKeys.rsaPrivateKey(settings.appPrivateKey()));
            auth = new AppInstallationAuthorizationProvider(app -> app.getInstallationByRepository(target.owner(),
                    target.name()), jwt);
        } else {
            auth = ImmutableAuthorizationProvider.fromOauthToken(settings.token());
        }
        try {
            // An unreachable or silent GitHub fails the call in seconds instead of holding the job.
            GitHub gitHub = new GitHubBuilder().withEndpoint(settings.apiUrl().toString().replaceAll("/+$", ""))
                    .withConnector(new TimedGitHubConnector(settings.timeouts(), telemetry))
                    .withAuthorizationProvider(auth)
                    .withRateLimitHandler(limits.primary())
                    .withAbuseLimitHandler(limits.secondary())
                    .build();
            LOG.log(System.Logger.Level.INFO, "GitHub session for {0} at {1} ({2})", fullName, settings.apiUrl(),
                    settings.usesApp() ? "app " + settings.appId() : "token");
            return new Session(gitHub, auth, new ReentrantLock(true));
        } catch (IOException e) {
            throw new PublishException(explain(e, fullName), e);
        }
    }

    private static String firstLine(IOException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /** One authenticated client; {@code writes} keeps it to one write at a time. */
    record Session(GitHub gitHub, AuthorizationProvider auth, ReentrantLock writes) {
        /** Credentials for git over HTTPS: the same token the API calls use, fresh. */
        CredentialsProvider gitCredentials() {
            try {
                String header = auth.getEncodedAuthorization();
                String token = header.substring(header.indexOf(' ') + 1);
                return new UsernamePasswordCredentialsProvider("x-access-token", token);
            } catch (IOException e) {
                throw new PublishException("could not get a GitHub token for git: " + Failures.clean(firstLine(e)), e);
            }
        }
    }
}
