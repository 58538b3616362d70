package dev.aiwizard.storage;

/** Keeps secrets out of messages, and finds the most telling message of an exception chain. */
final class Secrets {
    private Secrets() {
    }

    /** {@code text} with every occurrence of {@code secret} masked, in case a driver echoed it. */
    static String hide(String text, String secret) {
        if (text == null || secret == null || secret.isEmpty()) {
            return text;
        }
        return text.replace(secret, "***");
    }

    /** The message of the deepest cause that has one: usually what really went wrong ("Connection refused"). */
    static String rootMessage(Throwable e) {
        String message = e.getClass().getSimpleName();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage().strip();
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
    }
}
