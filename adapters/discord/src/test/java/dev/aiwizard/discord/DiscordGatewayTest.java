package dev.aiwizard.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.core.chat.Choice;
import java.util.List;
import java.util.stream.IntStream;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.buttons.ButtonStyle;
import org.junit.jupiter.api.Test;

class DiscordGatewayTest {
    @Test
    void shortTextIsOneMessage() {
        assertEquals(List.of("hello"), DiscordGateway.split("hello"));
    }

    @Test
    void longTextIsCutAtLineBreaksWithinTheLimitAndNothingIsLost() {
        String text = IntStream.range(0, 300).mapToObj(i -> "line " + i + " of the spec summary")
                .reduce((a, b) -> a + "\n" + b).orElseThrow();

        List<String> parts = DiscordGateway.split(text);

        assertTrue(parts.size() >= 4, "parts: " + parts.size());
        parts.forEach(p -> assertTrue(p.length() <= DiscordGateway.MAX_CONTENT, "too long: " + p.length()));
        parts.subList(0, parts.size() - 1).forEach(p -> assertTrue(text.contains(p + "\n"), "cut at a line break"));
        assertEquals(text, String.join("\n", parts));
    }

    @Test
    void textWithoutBreaksIsCutHardButNeverInsideASurrogatePair() {
        String text = "a".repeat(1999) + "🚀" + "b".repeat(10);

        List<String> parts = DiscordGateway.split(text);

        assertEquals(List.of("a".repeat(1999), "🚀" + "b".repeat(10)), parts);
    }

    @Test
    void choicesBecomeButtonsFiveToARowWithApprovalColouredAndLongOnesLeftOut() {
        List<Choice> choices = new java.util.ArrayList<>(List.of(Choice.of("generate"), Choice.of("change"),
                Choice.of("cancel")));
        IntStream.range(0, 4).forEach(i -> choices.add(Choice.of("option " + i)));
        choices.add(Choice.of("x".repeat(120)));

        List<ActionRow> rows = DiscordGateway.rows(choices);

        assertEquals(2, rows.size());
        List<Button> buttons = rows.stream().flatMap(r -> r.getButtons().stream()).toList();
        assertEquals(7, buttons.size(), "the 120-character value does not fit a custom id");
        assertEquals("wizard:generate", buttons.get(0).getCustomId());
        assertEquals(ButtonStyle.SUCCESS, buttons.get(0).getStyle());
        assertEquals(ButtonStyle.DANGER, buttons.get(2).getStyle());
        assertEquals(5, rows.get(0).getButtons().size());
    }
}
