package dev.aiwizard.core.chat;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** What the bot says: Markdown-ish text and the choices offered with it. */
public record BotMessage(String text, List<Choice> choices) {
    public BotMessage {
        requireNonNull(text, "text");
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    /** A message without choices. */
    public static BotMessage text(String text) {
        return new BotMessage(text, List.of());
    }
}
