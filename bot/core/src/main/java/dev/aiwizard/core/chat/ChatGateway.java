package dev.aiwizard.core.chat;

/** Port: sends the bot's messages to one chat platform. Implementations must be thread-safe. */
public interface ChatGateway {
    /** The platform name this gateway serves, as in {@link ThreadRef#platform()}. */
    String platform();

    /** Posts {@code message} in {@code thread} and returns a reference for later edits. */
    MessageRef post(ThreadRef thread, BotMessage message);

    /** Replaces the text of a message posted earlier (platforms without edits may post a new line). */
    void update(MessageRef ref, BotMessage message);

    /** How a person starts a conversation on this platform, e.g. {@code new <idea>} or {@code /wizard <idea>}. */
    String startHint();

    /**
     * Tells only {@code user} something in {@code thread} where the platform can (a refusal meant for one person);
     * platforms without private messages in a thread post it there.
     */
    default void whisper(ThreadRef thread, UserRef user, BotMessage message) {
        post(thread, message);
    }

    /** How the bot names {@code user} in a message on this platform (a mention where the platform has them). */
    default String mention(UserRef user) {
        return user.displayName();
    }

    /**
     * A web link to {@code thread} for pull request bodies, or a plain description where the platform has no links
     * (the console). Never includes a secret.
     */
    default String link(ThreadRef thread) {
        return "the " + thread.platform() + " thread " + thread.channel() + "/" + thread.thread();
    }
}
