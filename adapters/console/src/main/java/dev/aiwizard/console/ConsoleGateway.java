package dev.aiwizard.console;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.WizardException;
import dev.aiwizard.core.chat.BotMessage;
import dev.aiwizard.core.chat.ChatGateway;
import dev.aiwizard.core.chat.Choice;
import dev.aiwizard.core.chat.MessageRef;
import dev.aiwizard.core.chat.ThreadRef;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prints the bot's messages on the terminal, each line marked {@code wizard>}; choices are numbered so a person
 * can answer with the number, as they would press a button elsewhere. Edits print the new text marked as an update.
 * Output that cannot be written (the terminal is gone) is a {@link WizardException}, as a refused message is elsewhere.
 */
public final class ConsoleGateway implements ChatGateway {
    /** The platform name of console threads. */
    public static final String PLATFORM = "console";
    private static final String PREFIX = "wizard> ";

    private final PrintStream out;
    private final AtomicLong ids = new AtomicLong();
    private final Map<ThreadRef, List<Choice>> lastChoices = new ConcurrentHashMap<>();

    public ConsoleGateway(PrintStream out) {
        this.out = requireNonNull(out, "out");
    }

    @Override
    public String platform() {
        return PLATFORM;
    }

    @Override
    public MessageRef post(ThreadRef thread, BotMessage message) {
        lastChoices.put(thread, message.choices());
        print(message.text(), message.choices(), "");
        return new MessageRef(thread, "m" + ids.incrementAndGet());
    }

    @Override
    public void update(MessageRef ref, BotMessage message) {
        print(message.text(), List.of(), "[status] ");
    }

    @Override
    public String startHint() {
        return "new <idea>";
    }

    /** The value of choice number {@code n} (1-based) of the last message in {@code thread}, if there is one. */
    Optional<String> choice(ThreadRef thread, int n) {
        List<Choice> choices = lastChoices.getOrDefault(thread, List.of());
        return n >= 1 && n <= choices.size() ? Optional.of(choices.get(n - 1).value()) : Optional.empty();
    }

    /** Prints a line from the console itself, marked like the bot's. */
    void note(String text) {
        print(text, List.of(), "");
    }

    private void print(String text, List<Choice> choices, String tag) {
        StringBuilder b = new StringBuilder();
        boolean first = true;
        for (String line : text.split("\n", -1)) {
            b.append(PREFIX).append(first ? tag : "").append(line).append('\n');
            first = false;
        }
        if (!choices.isEmpty()) {
            b.append(PREFIX).append("  ");
            for (int i = 0; i < choices.size(); i++) {
                b.append(i == 0 ? "" : "  ").append('[').append(i + 1).append("] ").append(choices.get(i).label());
            }
            b.append('\n');
        }
        synchronized (out) {
            out.print(b);
            // A PrintStream keeps its failures to itself; a terminal that is gone (a closed pipe) is an error here as a
            // refused message is on the other platforms.
            if (out.checkError()) {
                throw new WizardException("the terminal cannot be written to (its output is closed)");
            }
        }
    }
}
