package dev.aiwizard.git;

import dev.aiwizard.core.conversation.ConversationId;
import dev.aiwizard.core.job.PublishException;
import dev.aiwizard.core.spec.Names;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Repository;

/**
 * The branch names a delivery may use. The bot only ever writes {@code wizard/<slug>-<short id>} branches, so no
 * request can point it at a default branch or at anybody's work branch, and two conversations about projects of the
 * same name do not meet.
 */
final class Branches {
    static final String PREFIX = "wizard/";
    private static final Pattern OWN = Pattern.compile(Pattern.quote(PREFIX) + Names.SLUG.pattern());
    private static final int MAX_LENGTH = 80;
    private static final int SUFFIX_LENGTH = 8;

    private Branches() {
    }

    /** The branch to use: the one the conversation already owns, or for a first delivery its own new name. */
    static List<String> candidates(String projectName, ConversationId id, String owned) {
        if (owned != null) {
            return List.of(checked(owned));
        }
        return List.of(checked(PREFIX + projectName + "-" + suffix(id)));
    }

    /** {@code branch} when it is one of the bot's own names, else a refusal that says why. */
    static String checked(String branch) {
        if (branch.length() > MAX_LENGTH || !OWN.matcher(branch).matches()
                || !Repository.isValidRefName(Constants.R_HEADS + branch)) {
            throw new PublishException("refusing to publish to branch '" + ProjectFiles.shown(branch) + "': the bot "
                    + "only writes its own branches, named " + PREFIX + "<project-name>-<id>");
        }
        return branch;
    }

    /** The random part of the conversation id, short: enough to tell conversations apart, still readable. */
    private static String suffix(ConversationId id) {
        String random = id.value().substring(2);
        return random.substring(0, Math.min(SUFFIX_LENGTH, random.length()));
    }
}
