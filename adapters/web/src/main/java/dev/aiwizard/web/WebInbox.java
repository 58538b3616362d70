package dev.aiwizard.web;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.chat.ChatEvent;
import dev.aiwizard.core.chat.InboundEvent;
import dev.aiwizard.core.chat.InboxReplayer;
import dev.aiwizard.core.chat.ThreadRef;
import dev.aiwizard.core.chat.UserRef;
import dev.aiwizard.core.conversation.ChatInbox;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What a person does on the pages, as the core's {@link ChatEvent}s handed to the web's {@link ChatInbox}: a new
 * conversation, a message, a pressed choice. Each is kept by the inbox before the browser hears "ok", so a crash
 * replays it ({@link #replay}); who may say what, ordering and limits are the core's. The adapter only translates.
 */
public final class WebInbox implements InboxReplayer {
    private final ChatInbox inbox;

    public WebInbox(ChatInbox inbox) {
        this.inbox = requireNonNull(inbox, "inbox");
    }

    @Override
    public String platform() {
        return WebGateway.PLATFORM;
    }

    /** A new web conversation for {@code person} with {@code idea}, in a thread of its own; that thread. */
    Accepted start(Person person, String idea) {
        String id = UUID.randomUUID().toString();
        ThreadRef thread = new ThreadRef(WebGateway.PLATFORM, person.login(), id);
        return new Accepted(thread, accept(fields("start", thread, person.user(), idea, id)));
    }

    /** {@code text} written by {@code person} in {@code thread} (which may be another platform's). */
    ChatInbox.Outcome say(Person person, ThreadRef thread, String text) {
        return accept(fields("message", thread, person.user(), text, UUID.randomUUID().toString()));
    }

    /** The choice {@code value} pressed by {@code person} in {@code thread}. */
    ChatInbox.Outcome press(Person person, ThreadRef thread, String value) {
        return accept(fields("choice", thread, person.user(), value, UUID.randomUUID().toString()));
    }

    /** Whether turns are still running (tests wait for quiet). */
    public boolean isBusy() {
        return inbox.isBusy();
    }

    @Override
    public void replay(InboundEvent event) {
        inbox.replay(event(event.fields()));
    }

    /** What the inbox made of a new conversation, and the thread it lives in. */
    record Accepted(ThreadRef thread, ChatInbox.Outcome outcome) {
    }

    private ChatInbox.Outcome accept(Map<String, String> f) {
        return inbox.accept(event(f), f);
    }

    private static Map<String, String> fields(String type, ThreadRef thread, UserRef who, String text, String id) {
        Map<String, String> f = new HashMap<>();
        f.put("type", type);
        f.put("thread", thread.key());
        f.put("user", who.id());
        f.put("name", who.displayName());
        f.put("text", text);
        f.put("id", id);
        return f;
    }

    /** The event the stored {@code f} describes, as it was first handed over. */
    private static ChatEvent event(Map<String, String> f) {
        ThreadRef thread = ThreadRef.parse(f.get("thread"));
        UserRef who = new UserRef(f.get("user"), f.get("name"));
        String id = f.get("id");
        return switch (f.get("type")) {
            case "start" -> new ChatEvent.NewConversation(WebGateway.PLATFORM, thread.channel(), who, f.get("text"),
                    id, () -> Optional.of(thread));
            case "message" -> new ChatEvent.ThreadMessage(thread, who, f.get("text"), id, ChatEvent.IfNone.IGNORE);
            case "choice" -> new ChatEvent.ChoicePressed(thread, who, f.get("text"), id);
            default -> throw new IllegalArgumentException("unknown kind of stored web event: " + f.get("type"));
        };
    }
}
