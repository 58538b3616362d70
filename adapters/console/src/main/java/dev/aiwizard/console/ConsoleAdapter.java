package dev.aiwizard.console;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.Ids;
import dev.aiwizard.core.chat.InboundMessage;
import dev.aiwizard.core.chat.ThreadRef;
import dev.aiwizard.core.chat.UserRef;
import dev.aiwizard.core.conversation.Conversation;
import dev.aiwizard.core.conversation.ConversationId;
import dev.aiwizard.core.conversation.ConversationService;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the terminal line by line and hands each line to the conversation engine, exactly as the Slack and Discord
 * adapters hand over their events. {@code new <idea>} opens a new thread; every other line goes to the current one.
 * When input ends it waits for the current conversation's job, so a piped script sees the result.
 */
public final class ConsoleAdapter {
    private static final String CHANNEL = "terminal";

    private final ConversationService service;
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
     * An adapter for one person at the terminal. {@code echo}, when not null, receives each input line marked
     * {@code you>} so a piped session reads as a transcript.
     */
    public ConsoleAdapter(ConversationService service, ConsoleGateway gateway, JobWaiter waiter, UserRef user,
                          PrintStream echo, Duration waitAtEnd) {
        this.service = requireNonNull(service, "service");
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
                handle(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the terminal failed", e);
        }
        return finish();
    }

    private void resume() {
        Optional<Conversation> open = service.latestUnfinished(ConsoleGateway.PLATFORM, CHANNEL);
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

    void handle(String raw) {
        String line = raw.strip();
        if (echo != null) {
            echo.println("you> " + line);
        }
        if (line.isEmpty()) {
            return;
        }
        String lower = line.toLowerCase(Locale.ROOT);
        if (lower.equals("new") || lower.startsWith("new ")) {
            current = new ThreadRef(ConsoleGateway.PLATFORM, CHANNEL, "t-" + Ids.random(10));
            service.start(new InboundMessage(current, user, line.substring(3).strip(), null));
            return;
        }
        ThreadRef thread = current != null ? current : new ThreadRef(ConsoleGateway.PLATFORM, CHANNEL, "lobby");
        String text = line.matches("\\d{1,2}") ? gateway.choice(thread, Integer.parseInt(line)).orElse(line) : line;
        service.reply(new InboundMessage(thread, user, text, null));
    }

    private boolean finish() throws InterruptedException {
        if (current == null) {
            return true;
        }
        Optional<Conversation> c = service.find(current);
        if (c.isEmpty()) {
            return true;
        }
        boolean idle = waiter.awaitIdle(c.get().id(), waitAtEnd);
        if (!idle) {
            gateway.note("Input ended, but the job of " + c.get().id() + " is still running after " + waitAtEnd.toMinutes()
                    + " minutes. It continues the next time the bot runs; `status` shows it.");
        }
        return idle;
    }
}
