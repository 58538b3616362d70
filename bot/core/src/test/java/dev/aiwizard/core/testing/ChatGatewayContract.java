package dev.aiwizard.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.core.WizardException;
import dev.aiwizard.core.chat.BotMessage;
import dev.aiwizard.core.chat.ChatGateway;
import dev.aiwizard.core.chat.Choice;
import dev.aiwizard.core.chat.MessageRef;
import dev.aiwizard.core.chat.ThreadRef;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ChatGateway} promises, run against each platform's gateway as a person on the platform would see
 * it (Slack and Discord through local fakes of their APIs, the console through its output): a reply lands in its
 * thread, a status message shows its new text when edited, choices become buttons in their order, a long text
 * arrives whole in pieces the platform takes, and a message the platform refuses is an error, not silence.
 */
public abstract class ChatGatewayContract {
    private ThreadRef thread;

    /**
     * One message of the bot as a person sees it now: its text in the pieces the platform shows it in (Slack:
     * sections; Discord and the console: the message) and the labels of its buttons, in order.
     */
    public record Shown(List<String> pieces, List<String> buttons) {
        public String text() {
            return String.join("\n", pieces);
        }
    }

    /** The gateway under test. */
    protected abstract ChatGateway gateway();

    /** A thread the bot may post in, made on the platform for one test (the console has one: the terminal). */
    protected abstract ThreadRef openThread();

    /** The bot's messages in {@code thread} as a person sees them now, oldest first. */
    protected abstract List<Shown> shown(ThreadRef thread);

    /** The most characters one piece of text may have on the platform. */
    protected abstract int pieceLimit();

    /** Makes the platform refuse the next message the gateway sends (or the terminal fail). */
    protected abstract void refuseNext();

    /**
     * Whether an edit replaces the message where it stands; where the platform cannot edit (the console), the new
     * text is shown after it instead, as {@link ChatGateway#update} allows.
     */
    protected boolean editsInPlace() {
        return true;
    }

    @BeforeEach
    void open() {
        thread = openThread();
    }

    @Test
    void aReplyIsPostedInItsThreadAndCanBeReferredToLater() {
        MessageRef ref = gateway().post(thread, BotMessage.text("What should the project be called?"));

        assertEquals(thread.platform(), gateway().platform());
        assertEquals(thread, ref.thread());
        assertNotNull(ref.messageId());
        assertTrue(text().contains("What should the project be called?"), text());
    }

    @Test
    void anEditedStatusMessageShowsItsNewText() {
        MessageRef status = gateway().post(thread, BotMessage.text("Job j-1: planning the files"));
        gateway().post(thread, BotMessage.text("a later message"));
        int before = shown(thread).size();

        gateway().update(status, BotMessage.text("Job j-1: done"));

        String now = text();
        if (editsInPlace()) {
            assertEquals(before, shown(thread).size(), "edited, not posted again: " + now);
            assertEquals("Job j-1: done", shown(thread).get(before - 2).text(), "in its place: " + now);
            assertFalse(now.contains("planning"), now);
        } else {
            assertTrue(now.lastIndexOf("Job j-1: done") > now.indexOf("a later message"), "shown after: " + now);
        }
    }

    @Test
    void choicesAreOfferedAsButtonsInTheirOrder() {
        gateway().post(thread, new BotMessage("Here is the spec.", List.of(new Choice("Generate", "generate"),
                new Choice("Change", "change"), new Choice("Cancel", "cancel"))));

        Shown last = shown(thread).getLast();
        assertEquals(List.of("Generate", "Change", "Cancel"), last.buttons());
        assertTrue(last.text().contains("Here is the spec."), last.text());
    }

    @Test
    void aLongTextArrivesWholeInPiecesWithinThePlatformsLimit() {
        List<String> lines = IntStream.range(0, 400).mapToObj(i -> "line " + i + " of the spec summary").toList();

        gateway().post(thread, BotMessage.text(String.join("\n", lines)));

        List<String> pieces = shown(thread).stream().flatMap(s -> s.pieces().stream()).toList();
        pieces.forEach(p -> assertTrue(p.length() <= pieceLimit(), "a piece of " + p.length() + " characters"));
        String arrived = String.join("\n", pieces);
        int at = -1;
        for (String line : lines) {
            int next = arrived.indexOf(line, at + 1);
            assertTrue(next > at, "'" + line + "' arrived, in order");
            at = next;
        }
    }

    @Test
    void aMessageThePlatformRefusesIsAnErrorNotSilence() {
        refuseNext();

        assertThrows(WizardException.class, () -> gateway().post(thread, BotMessage.text("hello")));
    }

    private String text() {
        return shown(thread).stream().map(Shown::text).collect(Collectors.joining("\n"));
    }
}
