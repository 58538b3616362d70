package dev.aiwizard.git;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.job.PublishException;
import dev.aiwizard.core.job.PublishRequest;
import dev.aiwizard.core.job.PublishResult;
import dev.aiwizard.core.job.Publisher;
import java.io.IOException;
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
 * repository {@code <reposDir>/<name>.git}, created on first use; otherwise an existing repository given as an
 * absolute path or {@code file://} URI, or an {@code https://}, {@code ssh://} or {@code git@host:path} remote.
 *
 * <p>Branches: a first delivery takes {@code wizard/<name>}, or {@code wizard/<name>-<id suffix>} when that one
 * belongs to another conversation. A branch belongs to the conversation whose {@code Wizard-Conversation} trailer
 * is on one of its own commits; branches of others are never written. A new branch starts from the remote's
 * default branch, so it shares history and can become a pull request, or as a root commit in an empty repository.
 *
 * <p>Revisions commit on top of the branch's current tip, with exactly the given files as the tree (the bot
 * generated all of the branch's content, so dropped files are deleted). If someone pushed to the branch since, their
 * commit stays in the history and the revision goes on top of it; if the branch moves during the push itself the
 * delivery looks again and retries, a few times, and then fails without overwriting anything. Delivering the same
 * files again makes no new commit and returns the existing one. Safe for concurrent use.
 */
public final class GitPublisher implements Publisher {
    private static final Duration STALE_SCRATCH = Duration.ofHours(1);

    private final GitSettings settings;
    private final Consumer<String> beforePush;
    private final LocalRepos localRepos = new LocalRepos();

    public GitPublisher(GitSettings settings) {
        this(settings, branch -> {
        });
    }

    /** {@code beforePush} runs just before each push attempt; tests use it to move the branch at the worst time. */
    GitPublisher(GitSettings settings, Consumer<String> beforePush) {
        this.settings = requireNonNull(settings, "settings");
        this.beforePush = requireNonNull(beforePush, "beforePush");
        Scratch.sweep(settings.workDir(), STALE_SCRATCH);
    }

    @Override
    public PublishResult publish(PublishRequest request) {
        requireNonNull(request, "request");
        String name = request.spec().name();
        if (name == null) {
            throw new PublishException("the project has no name yet, so there is no branch to publish it on");
        }
        // Everything that can be refused without touching a disk or a network is refused first.
        ProjectFiles files = ProjectFiles.of(request.files());
        List<String> candidates = Branches.candidates(name, request.conversationId(), request.branch());
        Target target = Target.resolve(request.spec().target(), settings, name);
        if (target.localRepo() != null) {
            localRepos.ensure(target.localRepo());
        }
        try (Scratch scratch = Scratch.create(settings.workDir());
             Transport transport = target.open(scratch.repository())) {
            return new Delivery(scratch.repository(), transport, target, request, candidates, bot(), beforePush)
                    .run(files);
        } catch (TransportException | NotSupportedException e) {
            throw new PublishException(Failures.unreachable(e, target), e);
        } catch (IOException e) {
            throw new PublishException("could not prepare the commit for " + target.location() + ": "
                    + e.getMessage(), e);
        }
    }

    private PersonIdent bot() {
        return new PersonIdent(settings.authorName(), settings.authorEmail());
    }
}
