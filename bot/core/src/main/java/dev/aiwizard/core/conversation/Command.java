package dev.aiwizard.core.conversation;

import java.util.Locale;

/** A conversation command read from a message; anything else is {@link Kind#TEXT}, an answer in words. */
public record Command(Kind kind, String argument) {

    /** The commands people can type in a thread. */
    public enum Kind {
        HELP, STATUS, CANCEL, SKIP, GENERATE, CHANGE, TEXT
    }

    /** Reads {@code text}; command words are case-insensitive and may stand alone or with an argument. */
    public static Command parse(String text) {
        String t = text.strip();
        String lower = t.toLowerCase(Locale.ROOT);
        String first = lower.split("\\s+", 2)[0];
        String rest = t.length() > first.length() ? t.substring(first.length()).strip() : "";
        return switch (first) {
            case "help", "?" -> rest.isEmpty() ? new Command(Kind.HELP, "") : text(t);
            case "status" -> rest.isEmpty() ? new Command(Kind.STATUS, "") : text(t);
            case "cancel", "stop", "abort" -> rest.isEmpty() ? new Command(Kind.CANCEL, "") : text(t);
            case "skip" -> rest.isEmpty() ? new Command(Kind.SKIP, "") : text(t);
            case "generate", "yes", "y", "approve", "go" -> rest.isEmpty() ? new Command(Kind.GENERATE, "") : text(t);
            case "change" -> new Command(Kind.CHANGE, rest);
            default -> text(t);
        };
    }

    private static Command text(String t) {
        return new Command(Kind.TEXT, t);
    }
}
