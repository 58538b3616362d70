package dev.aiwizard.slack;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import dev.aiwizard.core.chat.BotMessage;
import dev.aiwizard.core.chat.Choice;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The bot's messages as Slack sees them: the text in Slack's mrkdwn, cut into sections within Slack's limits (3,000
 * characters a section, 50 blocks, 40,000 characters of fallback text), and the choices as buttons.
 */
final class SlackMessages {
    static final int MAX_TEXT = 40_000;
    static final int MAX_BLOCKS = 50;
    static final int MAX_SECTION = 3_000;
    /** Every button's action id starts with this; the rest is its position. */
    static final String ACTION_PREFIX = "wizard_choice_";
    private static final int MAX_BUTTON_LABEL = 75;
    private static final int MAX_BUTTONS = 25;
    private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}\\s+(.+)$");
    private static final Pattern BULLET = Pattern.compile("(?m)^(\\s*)- ");
    private static final String CUT = "_(cut to fit Slack; the full text is in the pull request or the branch's "
            + "docs/spec.md)_";

    private SlackMessages() {
    }

    /** The plain text Slack shows in notifications and where blocks cannot be shown. */
    static String fallback(BotMessage message) {
        String text = mrkdwn(message.text());
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - CUT.length() - 2) + "\n" + CUT;
    }

    static List<LayoutBlock> blocks(BotMessage message) {
        List<LayoutBlock> blocks = new ArrayList<>();
        List<String> sections = sections(mrkdwn(message.text()));
        int room = MAX_BLOCKS - (message.choices().isEmpty() ? 0 : 1) - 1;
        for (int i = 0; i < sections.size() && i < room; i++) {
            blocks.add(SectionBlock.builder().text(MarkdownTextObject.builder().text(sections.get(i)).build()).build());
        }
        if (sections.size() > room) {
            blocks.add(ContextBlock.builder().elements(List.of(MarkdownTextObject.builder().text(CUT).build())).build());
        }
        if (!message.choices().isEmpty()) {
            List<BlockElement> buttons = new ArrayList<>();
            List<Choice> choices = message.choices();
            for (int i = 0; i < choices.size() && i < MAX_BUTTONS; i++) {
                Choice c = choices.get(i);
                ButtonElement.ButtonElementBuilder b = ButtonElement.builder().actionId(ACTION_PREFIX + i)
                        .value(c.value()).text(PlainTextObject.builder().text(clip(c.label(), MAX_BUTTON_LABEL))
                                .emoji(true).build());
                if (c.value().equals("generate")) {
                    b.style("primary");
                } else if (c.value().equals("cancel")) {
                    b.style("danger");
                }
                buttons.add(b.build());
            }
            blocks.add(ActionsBlock.builder().blockId("wizard_choices").elements(buttons).build());
        }
        return blocks;
    }

    /** The bot's Markdown-ish text in Slack's mrkdwn: *bold*, headings as bold lines, bullets as dots. */
    static String mrkdwn(String text) {
        String s = BOLD.matcher(text).replaceAll("*$1*");
        s = HEADING.matcher(s).replaceAll("*$1*");
        return BULLET.matcher(s).replaceAll("$1• ");
    }

    /** {@code text} in pieces of at most {@link #MAX_SECTION} characters, cut at line ends where possible. */
    static List<String> sections(String text) {
        List<String> out = new ArrayList<>();
        String rest = text.strip();
        while (!rest.isEmpty()) {
            if (rest.length() <= MAX_SECTION) {
                out.add(rest);
                break;
            }
            int cut = rest.lastIndexOf('\n', MAX_SECTION);
            if (cut < MAX_SECTION / 2) {
                cut = MAX_SECTION;
            }
            out.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        return out.isEmpty() ? List.of(" ") : out;
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
