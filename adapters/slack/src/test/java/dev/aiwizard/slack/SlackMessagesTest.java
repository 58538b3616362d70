package dev.aiwizard.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.element.ButtonElement;
import dev.aiwizard.core.chat.BotMessage;
import dev.aiwizard.core.chat.Choice;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlackMessagesTest {
    @Test
    void markdownBecomesMrkdwn() {
        assertEquals("*todo-service*\n\n*Task*: title\n• create", SlackMessages.mrkdwn(
                "# todo-service\n\n**Task**: title\n- create"));
    }

    @Test
    void choicesBecomeButtonsAndTheSummaryButtonsAreStyled() {
        List<LayoutBlock> blocks = SlackMessages.blocks(new BotMessage("Here is the spec.", List.of(
                new Choice("Generate", "generate"), new Choice("Change", "change"), new Choice("Cancel", "cancel"))));

        ActionsBlock actions = (ActionsBlock) blocks.getLast();
        List<ButtonElement> buttons = actions.getElements().stream().map(ButtonElement.class::cast).toList();
        assertEquals(List.of("generate", "change", "cancel"), buttons.stream().map(ButtonElement::getValue).toList());
        assertEquals(List.of("wizard_choice_0", "wizard_choice_1", "wizard_choice_2"),
                buttons.stream().map(ButtonElement::getActionId).toList());
        assertEquals("primary", buttons.get(0).getStyle());
        assertEquals("danger", buttons.get(2).getStyle());
    }

    @Test
    void oversizedTextStaysWithinSlacksLimitsAndSaysItWasCut() {
        StringBuilder huge = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            huge.append("- field").append(i).append(" (text) with a rather long description of what it holds\n");
        }
        BotMessage message = new BotMessage(huge.toString(), List.of(Choice.of("generate")));

        List<LayoutBlock> blocks = SlackMessages.blocks(message);
        String fallback = SlackMessages.fallback(message);

        assertTrue(blocks.size() <= SlackMessages.MAX_BLOCKS, "blocks: " + blocks.size());
        for (LayoutBlock b : blocks) {
            if (b instanceof SectionBlock s) {
                assertTrue(s.getText().getText().length() <= SlackMessages.MAX_SECTION);
            }
        }
        assertTrue(blocks.getLast() instanceof ActionsBlock, "the buttons survive the cut");
        assertTrue(fallback.length() <= SlackMessages.MAX_TEXT, "text: " + fallback.length());
        assertTrue(fallback.endsWith("docs/spec.md)_"), "says where the full text is");
    }
}
