package dev.aiwizard.core.chat;

import static java.util.Objects.requireNonNull;

/** A chat thread on one platform: one thread holds one conversation. */
public record ThreadRef(String platform, String channel, String thread) {
    public ThreadRef {
        requireNonNull(platform, "platform");
        requireNonNull(channel, "channel");
        requireNonNull(thread, "thread");
        if (platform.isBlank() || channel.isBlank() || thread.isBlank()) {
            throw new IllegalArgumentException("platform, channel and thread must not be blank");
        }
    }
}
