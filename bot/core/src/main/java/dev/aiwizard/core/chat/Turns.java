package dev.aiwizard.core.chat;

/** How chat adapters run a turn after acknowledging the platform. */
public final class Turns {
    private static final System.Logger LOG = System.getLogger(Turns.class.getName());

    private Turns() {
    }

    /**
     * Runs {@code work} for {@code thread}. An unexpected failure is logged in full with the thread, and the thread
     * is told briefly through {@code gateway} that something went wrong and where the details are.
     */
    public static void guarded(ThreadRef thread, ChatGateway gateway, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, thread.platform() + " turn in " + thread.channel() + "/"
                    + thread.thread() + " failed", e);
            try {
                gateway.post(thread, BotMessage.text("Sorry, something went wrong on my side ("
                        + e.getClass().getSimpleName() + "); the details are in the bot's log. Please try again."));
            } catch (RuntimeException alsoChat) {
                LOG.log(System.Logger.Level.WARNING, "could not tell the thread: " + alsoChat.getMessage());
            }
        }
    }
}
