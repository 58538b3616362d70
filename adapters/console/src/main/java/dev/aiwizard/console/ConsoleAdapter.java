package dev.aiwizard.console;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.Ids;
import dev.aiwizard.core.chat.ChatEvent;
import dev.aiwizard.core.chat.ThreadRef;
import dev.aiwizard.core.chat.UserRef;
import dev.aiwizard.core.conversation.ChatInbox;
import dev.aiwizard.core.conversation.Conversation;
import dev.aiwizard.core.conversation.ConversationId;
import dev.aiwizard.core.conversation.ConversationReads;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * Reads the terminal line by line and maps each line to a {@link ChatEvent} for the {@link ChatInbox}, as the Slack
 * and Discord adapters map their platforms' events: {@code new <idea>} opens a new thread, a number presses that
 * choice of the bot's last message, every other line is a message in the current thread. One person types and
 * reads, so each line's turn ends before the next line is read, and a piped script reads as a transcript. When input
 * ends it waits for the current conversation's job, so a piped script sees the result.
 */
public final class ConsoleAdapter {
    private static final String CHANNEL = "terminal";
    /** Where lines go before any conversation was started. */
    private static final ThreadRef LOBBY = new ThreadRef(ConsoleGateway.PLATFORM, CHANNEL, "lobby");

    private final ChatInbox inbox;
    private final ConversationReads reads;
    private final ConsoleGateway gateway;
    private final JobWaiter waiter;
    private final UserRef user;
    private final PrintStream echo;
    private final Duration waitAtEnd;
    private ThreadRef current;

    /** Waits until a conversation has no queued or running job, or a timeout passes. */
    @FunctionalInterface
    public interface JobWaiter {
        boolean awaitIdle(ConversationId conversation, Duration timeout) throws InterruptedException;
    }

    /**
     * An adapter for one person at the terminal: lines go to {@code inbox} (the console's, answering through
     * {@code gateway}); {@code reads} finds the conversation to continue after a restart and the one whose job to
     * wait for at the end. {@code echo}, when not null, receives each input line marked {@code you>} so a piped
     * session reads as a transcript.
     */
    public ConsoleAdapter(ChatInbox inbox, ConversationReads reads, ConsoleGateway gateway, JobWaiter waiter,
                          UserRef user, PrintStream echo, Duration waitAtEnd) {
        this.inbox = requireNonNull(inbox, "inbox");
        this.reads = requireNonNull(reads, "reads");
        this.gateway = requireNonNull(gateway, "gateway");
        this.waiter = requireNonNull(waiter, "waiter");
        this.user = requireNonNull(user, "user");
        this.echo = echo;
        this.waitAtEnd = requireNonNull(waitAtEnd, "waitAtEnd");
    }

    /** Runs until {@code in} ends; returns true when the last conversation's work finished in time. */
    public boolean run(BufferedReader in) throws InterruptedException {
        resume();
        try {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                handle(line.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the terminal failed", e);
        }
        return finish();
    }

    private void resume() {
        Optional<Conversation> open = reads.latestUnfinished(ConsoleGateway.PLATFORM, CHANNEL);
        if (open.isPresent()) {
            Conversation c = open.get();
            current = c.thread();
            gateway.note("Continuing conversation " + c.id() + (c.spec().name() == null ? "" : " (" + c.spec().name()
                    + ")") + ". Say `status`, `help`, or `new <idea>` to start another.");
        } else {
            gateway.note("Hello! Describe an app with `new <idea>`, e.g. `new a todo service where people manage "
                    + "tasks with a title and a done flag`. `help` lists the commands.");
        }
    }

    private void handle(String line) throws InterruptedException {
        if (echo != null) {
            echo.println("you> " + line);
        }
        if (!line.isEmpty()) {
            turn(event(line));
        }
    }

    /** The event {@code line} stands for. */
    private ChatEvent event(String line) {
        String lower = line.toLowerCase(Locale.ROOT);
        if (lower.equals("new") || lower.startsWith("new ")) {
            ThreadRef opened = new ThreadRef(ConsoleGateway.PLATFORM, CHANNEL, "t-" + Ids.random(10));
            current = opened;
            return new ChatEvent.NewConversation(ConsoleGateway.PLATFORM, CHANNEL, user, line.substring(3).strip(),
                    null, () -> Optional.of(opened));
        }
        ThreadRef thread = current != null ? current : LOBBY;
        Optional<String> choice = line.matches("\\d{1,2}") ? gateway.choice(thread, Integer.parseInt(line))
                : Optional.empty();
        return choice.<ChatEvent>map(value -> new ChatEvent.ChoicePressed(thread, user, value, null))
                .orElseGet(() -> new ChatEvent.ThreadMessage(thread, user, line, null, ChatEvent.IfNone.HINT));
    }

    /** Hands {@code event} to the inbox and waits until its turn ended, so its answer comes before the next line. */
    private void turn(ChatEvent event) throws InterruptedException {
        CountDownLatch ended = new CountDownLatch(1);
        if (!inbox.handle(event, how -> ended.countDown())) {
            gateway.note("I'm too busy to take this right now (or shutting down). Please say it again in a moment.");
            return;
        }
        ended.await();
    }

    private boolean finish() throws InterruptedException {
        if (current == null) {
            return true;
        }
        Optional<Conversation> c = reads.findByThread(current);
        if (c.isEmpty()) {
            return true;
        }
        boolean idle = waiter.awaitIdle(c.get().id(), waitAtEnd);
        if (!idle) {
            gateway.note("Input ended, but the job of " + c.get().id() + " is still running after " + spoken(waitAtEnd)
                    + ". It continues the next time the bot runs; `status` shows it.");
        }
        return idle;
    }

    /** A wait as people say it: seconds under two minutes, whole minutes from there. */
    static String spoken(Duration wait) {
        long seconds = wait.toSeconds();
        return seconds < 120 ? seconds + (seconds == 1 ? " second" : " seconds") : seconds / 60 + " minutes";
    }
}
