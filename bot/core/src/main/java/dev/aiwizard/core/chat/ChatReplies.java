package dev.aiwizard.core.chat;

/**
 * The words the chat layer says for itself, before any conversation is involved: the sibling of the conversation's
 * and the job's replies, so every sentence the bot sends is in a class made for it.
 */
final class ChatReplies {
    private ChatReplies() {
    }

    /** A turn failed unexpectedly with {@code e}; {@code retried}: the message is tried again by itself. */
    static String turnFailed(Throwable e, boolean retried) {
        return "Sorry, something went wrong on my side (" + e.getClass().getSimpleName() + "); the details are in the "
                + "bot's log. " + (retried ? "I'll try your message again in a moment." : "Please try again.");
    }
}
