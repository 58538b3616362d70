package dev.aiwizard.web;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.chat.BotMessage;
import dev.aiwizard.core.chat.ChatGateway;
import dev.aiwizard.core.chat.MessageRef;
import dev.aiwizard.core.chat.ThreadRef;
import dev.aiwizard.core.chat.UserRef;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The chat port of the web pages. What the bot says in a conversation is stored before it is posted, and the page
 * shows it from the store; posting wakes the pages that follow the thread. What is not stored — a whisper to one
 * person (a refusal, a removed secret), or a reply where no conversation started (an idea refused) — is kept here as
 * a note, the newest few per thread of the most recent threads, for the page of the person it was meant for. Notes
 * live in this process only.
 */
public final class WebGateway implements ChatGateway {
    /** The platform name of conversations held in the browser. */
    public static final String PLATFORM = "web";
    private static final int NOTES_PER_THREAD = 10;
    /** Threads whose notes are kept; the least recently noted are forgotten first. */
    private static final int THREADS_KEPT = 5_000;

    /** Something the bot said only here: to {@code userId}, or to the thread ({@code userId} null). */
    record Note(String userId, String text) {
    }

    private final AtomicLong posted = new AtomicLong();
    private final Map<String, Deque<Note>> notes = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Deque<Note>> eldest) {
                    return size() > THREADS_KEPT;
                }
            });
    private final ThreadChanges changes = new ThreadChanges();

    @Override
    public String platform() {
        return PLATFORM;
    }

    @Override
    public MessageRef post(ThreadRef thread, BotMessage message) {
        note(thread, new Note(null, message.text()));
        return new MessageRef(thread, Long.toString(posted.incrementAndGet()));
    }

    @Override
    public void update(MessageRef ref, BotMessage message) {
        changes.signal(ref.thread().key());
    }

    @Override
    public void whisper(ThreadRef thread, UserRef user, BotMessage message) {
        note(thread, new Note(user.id(), message.text()));
    }

    @Override
    public String startHint() {
        return "New conversation";
    }

    @Override
    public String link(ThreadRef thread) {
        return "a conversation on the web pages";
    }

    /** The notes of {@code thread} meant for {@code userId}: whispers to them, and posts to the thread. */
    List<String> notesFor(ThreadRef thread, String userId) {
        Deque<Note> kept = notes.get(thread.key());
        if (kept == null) {
            return List.of();
        }
        synchronized (kept) {
            return kept.stream().filter(n -> n.userId() == null || n.userId().equals(userId)).map(Note::text)
                    .toList();
        }
    }

    /** Whispers only: what the bot told {@code userId} in {@code thread} and did not store. */
    List<String> whispersTo(ThreadRef thread, String userId) {
        Deque<Note> kept = notes.get(thread.key());
        if (kept == null) {
            return List.of();
        }
        synchronized (kept) {
            return kept.stream().filter(n -> userId.equals(n.userId())).map(Note::text).toList();
        }
    }

    /** Where pages wait for this process to say something in a thread. */
    ThreadChanges changes() {
        return changes;
    }

    private void note(ThreadRef thread, Note note) {
        requireNonNull(thread, "thread");
        Deque<Note> kept = notes.computeIfAbsent(thread.key(), k -> new ArrayDeque<>());
        synchronized (kept) {
            kept.addLast(note);
            while (kept.size() > NOTES_PER_THREAD) {
                kept.removeFirst();
            }
        }
        changes.signal(thread.key());
    }
}
