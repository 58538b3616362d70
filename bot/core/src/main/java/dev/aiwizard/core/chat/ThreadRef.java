package dev.aiwizard.core.chat;

import static java.util.Objects.requireNonNull;

/**
 * A chat thread on one platform: one thread holds one conversation. It is the one thread key of the bot: its
 * {@link #key()} names the thread wherever a string is needed (the per-thread lock, the turn queues, logs), and
 * {@link #parse(String)} reads that back. A platform or channel never holds a {@code ':'}, so the key is unambiguous
 * whatever the platform's thread id looks like.
 */
public record ThreadRef(String platform, String channel, String thread) {
    private static final char SEPARATOR = ':';

    public ThreadRef {
        requireNonNull(platform, "platform");
        requireNonNull(channel, "channel");
        requireNonNull(thread, "thread");
        if (platform.isBlank() || channel.isBlank() || thread.isBlank()) {
            throw new IllegalArgumentException("platform, channel and thread must not be blank");
        }
        if (platform.indexOf(SEPARATOR) >= 0 || channel.indexOf(SEPARATOR) >= 0) {
            throw new IllegalArgumentException("a platform or channel cannot contain ':' (" + platform + ", "
                    + channel + ")");
        }
    }

    /**
     * The thread as one string, {@code platform:channel:thread} (e.g. {@code slack:C1:1700000000.000200}). The
     * per-thread lock is named {@code thread:} followed by it, as it always was, so locks taken by an earlier version
     * still hold across a rolling update.
     */
    public String key() {
        return platform + SEPARATOR + channel + SEPARATOR + thread;
    }

    /** The thread whose {@link #key()} is {@code key}. */
    public static ThreadRef parse(String key) {
        requireNonNull(key, "key");
        int first = key.indexOf(SEPARATOR);
        int second = first < 0 ? -1 : key.indexOf(SEPARATOR, first + 1);
        if (second < 0) {
            throw new IllegalArgumentException("not a thread key (platform:channel:thread): " + key);
        }
        return new ThreadRef(key.substring(0, first), key.substring(first + 1, second), key.substring(second + 1));
    }

    /**
     * The thread within its platform, as the thread index in the coordination store lists it (one set per platform,
     * members {@code channel NUL thread}). This is the stored form of an index that survives restarts and is shared by
     * every replica, so it stays byte for byte what earlier versions wrote: a new form would read a complete index
     * written before as empty and drop replies in existing conversations.
     */
    public String indexMember() {
        return channel + '\u0000' + thread;
    }
}
