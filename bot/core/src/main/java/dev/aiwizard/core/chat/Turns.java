package dev.aiwizard.core.chat;

/** How chat adapters run a turn after acknowledging the platform. */
public final class Turns {
    private static final System.Logger LOG = System.getLogger(Turns.class.getName());

    private Turns() {
    }

    /**
     * Runs {@code work} for {@code thread}. An unexpected failure is logged in full with the thread, and the thread
     * is told briefly through {@code gateway} that something went wrong and where the details are. Returns whether
     * the work ended normally.
     */
    public static boolean guarded(ThreadRef thread, ChatGateway gateway, Runnable work) {
        return guarded(thread, gateway, work, false);
    }

    /**
     * {@link #guarded(ThreadRef, ChatGateway, Runnable)} for work that is tried again by itself when it fails
     * ({@code retried}: the event is kept in the inbox), so the thread is told so instead of asked to repeat.
     */
    public static boolean guarded(ThreadRef thread, ChatGateway gateway, Runnable work, boolean retried) {
        try {
            work.run();
            return true;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "turn in " + thread.key() + " failed", e);
            try {
                gateway.post(thread, BotMessage.text(ChatReplies.turnFailed(e, retried)));
            } catch (RuntimeException alsoChat) {
                LOG.log(System.Logger.Level.WARNING, "could not tell the thread: " + alsoChat.getMessage());
            }
            return false;
        }
    }
}
