package dev.aiwizard.git;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.Telemetry;
import dev.aiwizard.core.job.Fence;
import dev.aiwizard.core.job.PublishException;
import dev.aiwizard.core.job.PublishRequest;
import dev.aiwizard.core.job.PublishResult;
import dev.aiwizard.core.job.Publisher;
import dev.aiwizard.core.retry.Sleeper;
import dev.aiwizard.core.spec.ProtectedPaths;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.eclipse.jgit.errors.NotSupportedException;
import org.eclipse.jgit.errors.TransportException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.transport.Transport;

/**
 * Publishes generated projects with JGit: one commit per delivery on the conversation's own branch, pushed without
 * force, touching no other branch.
 *
 * <p>The target is the spec's {@code target} (else {@link GitSettings#defaultTarget()}): {@code local} is a bare
 * repository {@code <reposDir>/<name>.git}, created on first use; {@code owner/repo} is a GitHub repository, reached
 * through GitHub's API and pushed to with the configured token or app, with a pull request; otherwise an existing
 * repository given as an absolute path or {@code file://} URI, or an {@code https://}, {@code ssh://} or
 * {@code git@host:path} remote (a branch is pushed, no pull request).
 *
 * <p>Branches: a first delivery takes {@code wizard/<name>-<id suffix>}. A branch belongs to the conversation whose
 * {@code Wizard-Conversation} trailer is on one of its own commits; branches of others are never written. A new branch
 * starts from the base branch (the default one, or {@code branch=} from the request), so it shares history and can
 * become a pull request. Nothing is ever pushed to a default branch: an empty repository gets its first commit on
 * the bot's branch only, and an empty GitHub repository is refused, since GitHub would make the first branch pushed
 * there its default branch and a pull request needs an existing base.
 *
 * <p>Revisions commit on top of the branch's current tip and change only the files the bot created there (see
 * {@link Delivery}). If someone pushed to the branch since, their commit stays in the history and the revision goes
 * on top of it; if the branch moves during the push itself the delivery looks again and retries, a few times, and
 * then fails without overwriting anything. Delivering the same files again makes no new commit and returns the
 * existing one; its pull request is found, not opened again. Safe for concurrent use.
 */
public final class GitPublisher implements Publisher {
    private static final Duration STALE_SCRATCH = Duration.ofHours(1);
    private static final int TRANSPORT_TIMEOUT_SECONDS = 120;

    private final GitSettings settings;
    private final GitHubAccess gitHub;
    private final PullRequests pullRequests;
    private final Consumer<String> beforePush;
    private final LocalRepos localRepos = new LocalRepos();

    /** A publisher for plain git targets only: {@code owner/repo} targets are refused. */
    public GitPublisher(GitSettings settings) {
        this(settings, null, Sleeper.REAL, Clock.systemUTC(), branch -> {
        });
    }

    public GitPublisher(GitSettings settings, GitHubSettings gitHub) {
        this(settings, gitHub, Telemetry.NONE);
    }

    /** A publisher that reports its GitHub API calls and rate-limit waits to {@code telemetry}. */
    public GitPublisher(GitSettings settings, GitHubSettings gitHub, Telemetry telemetry) {
        this(settings, gitHub, Sleeper.REAL, Clock.systemUTC(), telemetry, branch -> {
        });
    }

    /** Plain git targets, with {@code beforePush} run just before each push attempt. */
    GitPublisher(GitSettings settings, Consumer<String> beforePush) {
        this(settings, null, Sleeper.REAL, Clock.systemUTC(), beforePush);
    }

    /**
     * {@code sleeper} and {@code clock} are how GitHub's rate limits are waited for; {@code beforePush} runs just
     * before each push attempt. Tests use them to skip the waits and to move the branch at the worst time.
     */
    GitPublisher(GitSettings settings, GitHubSettings gitHub, Sleeper sleeper, Clock clock,
                 Consumer<String> beforePush) {
        this(settings, gitHub, sleeper, clock, Telemetry.NONE, beforePush);
    }

    /** {@code gitHub} null or without auth: {@code owner/repo} targets are refused. */
    private GitPublisher(GitSettings settings, GitHubSettings gitHub, Sleeper sleeper, Clock clock,
                         Telemetry telemetry, Consumer<String> beforePush) {
        this.settings = requireNonNull(settings, "settings");
        this.gitHub = gitHub != null && gitHub.enabled() ? new GitHubAccess(gitHub, sleeper, clock, telemetry) : null;
        this.pullRequests = this.gitHub == null ? null : new PullRequests(this.gitHub);
        this.beforePush = requireNonNull(beforePush, "beforePush");
        Scratch.sweep(settings.workDir(), STALE_SCRATCH);
    }

    @Override
    public PublishResult publish(PublishRequest request, Fence fence) {
        requireNonNull(request, "request");
        requireNonNull(fence, "fence");
        String name = request.spec().name();
        if (name == null) {
            throw new PublishException("the project has no name yet, so there is no branch to publish it on");
        }
        // Everything that can be refused without touching a disk or a network is refused first.
        ProjectFiles files = ProjectFiles.of(request.files());
        String folder = request.spec().placement().folder();
        if (folder != null) {
            ProtectedPaths.folderProblem(folder).ifPresent(why -> {
                throw new PublishException("refusing to deliver: the project's folder " + ProjectFiles.visible(why));
            });
        }
        List<String> candidates = Branches.candidates(name, request.conversationId(), request.branch());
        Target target = Target.resolve(request.spec().target(), settings, name);
        if (target.localRepo() != null) {
            localRepos.ensure(target.localRepo());
        }
        GitHubAccess.Repo repo = null;
        if (target.gitHubRepo() != null) {
            if (gitHub == null) {
                throw new PublishException("the target " + target.gitHubRepo() + " is a GitHub repository, but this "
                        + "bot has no GitHub access configured; an admin sets GITHUB_TOKEN, or GITHUB_APP_ID and "
                        + "GITHUB_APP_PRIVATE_KEY (see docs/github.md)");
            }
            repo = gitHub.open(target.gitHubRepo());
            target = target.at(repo.cloneUrl());
        }
        try (Scratch scratch = Scratch.create(settings.workDir());
             Transport transport = target.open(scratch.repository())) {
            // Seconds without progress on a read before git gives up: a stalled remote must not hold the job.
            transport.setTimeout(TRANSPORT_TIMEOUT_SECONDS);
            if (repo != null) {
                transport.setCredentialsProvider(repo.session().gitCredentials());
            }
            // Looking up the repository may have waited for a rate limit: the push is only for the job's holder.
            fence.check();
            Delivery.Outcome done = new Delivery(scratch.repository(), transport, target, request, candidates, bot(),
                    beforePush, settings.allowedProtected()).run(files);
            PublishResult pushed = new PublishResult(done.branch(), done.commit().name(), target.location());
            if (repo == null) {
                return pushed;
            }
            String base = request.spec().placement().baseBranch();
            // Another worker that took the job over meanwhile delivers it, pull request and all.
            fence.check();
            return pullRequests.ensure(repo, request, pushed, base == null ? repo.defaultBranch() : base);
        } catch (TransportException | NotSupportedException e) {
            throw new PublishException(Failures.unreachable(e, target), e);
        } catch (IOException e) {
            throw new PublishException("could not prepare the commit for " + target.location() + ": "
                    + e.getMessage(), e);
        }
    }

    /** The review loop's questions to GitHub, when GitHub access is configured. */
    public java.util.Optional<GitHubReviews> gitHubReviews() {
        return gitHub == null ? java.util.Optional.empty() : java.util.Optional.of(new GitHubReviews(gitHub));
    }

    private PersonIdent bot() {
        return new PersonIdent(settings.authorName(), settings.authorEmail());
    }
}
