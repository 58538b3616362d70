package dev.aiwizard.web;

import dev.aiwizard.core.chat.ThreadRef;
import java.util.Optional;

/**
 * Where a chat thread can be opened in its platform's own app (a Slack or Discord address), when the bot knows enough
 * to say; the composition root supplies it from the platforms' settings, as this module knows no platform.
 */
@FunctionalInterface
public interface ThreadLinks {
    /** Links to nowhere: threads are only named. */
    ThreadLinks NONE = thread -> Optional.empty();

    Optional<String> link(ThreadRef thread);
}
