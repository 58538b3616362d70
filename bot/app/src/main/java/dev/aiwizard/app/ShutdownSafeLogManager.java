package dev.aiwizard.app;

import java.util.logging.LogManager;

/**
 * The JDK's log manager, except that it keeps its handlers while the JVM shuts down. The JDK closes every handler in
 * a shutdown hook of its own, which may run before the bot's: what the bot says while it drains on SIGTERM (which
 * turns did not finish, what went back to the inbox) would be lost just when an operator needs it. Set as
 * {@code java.util.logging.manager} by {@link Main} before anything logs.
 */
public final class ShutdownSafeLogManager extends LogManager {
    /** Used by {@link LogManager} through the system property. */
    public ShutdownSafeLogManager() {
        super();
    }

    @Override
    public void reset() {
        if (!shuttingDown()) {
            super.reset();
        }
    }

    private static boolean shuttingDown() {
        try {
            Thread probe = new Thread(() -> { });
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }
}
