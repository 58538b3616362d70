package dev.aiwizard.core.conversation;

/** Who wrote a stored message. */
public enum Author {
    USER, BOT
}
