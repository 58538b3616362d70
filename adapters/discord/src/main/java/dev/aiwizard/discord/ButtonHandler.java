package dev.aiwizard.discord;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;

/**
 * Presses of a conversation's buttons: kept, acknowledged (the message is left as it is), and handed to the core as a
 * choice; which conversation a DM's button belongs to, and who may press what, are the core's questions.
 */
final class ButtonHandler extends ListenerAdapter {
    private static final System.Logger LOG = System.getLogger(ButtonHandler.class.getName());

    private final Interactions interactions;

    ButtonHandler(Interactions interactions) {
        this.interactions = requireNonNull(interactions, "interactions");
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        String id = event.getComponentId();
        if (!id.startsWith(DiscordGateway.CHOICE_PREFIX)) {
            return;
        }
        String value = id.substring(DiscordGateway.CHOICE_PREFIX.length());
        Map<String, String> f = Interactions.fields("button", "interaction:" + event.getId(), event.getChannel(),
                event.getUser(), event.getMember(), value);
        Runnable defer = () -> event.deferEdit().queue(null, e -> LOG.log(System.Logger.Level.WARNING,
                "could not acknowledge a button: " + e.getMessage()));
        if (Interactions.place(f).isEmpty()) {
            defer.run(); // not a conversation's button: no conversation lives outside threads and DMs
            return;
        }
        // Kept before it is acknowledged, as a slash command is.
        switch (interactions.accept(f, null, defer)) {
            case NOT_KEPT -> event.reply(Interactions.NOT_KEPT).setEphemeral(true).queue(null, e -> LOG.log(
                    System.Logger.Level.WARNING, "could not answer a button: " + e.getMessage()));
            case BUSY -> event.getHook().sendMessage(Interactions.BUSY).setEphemeral(true).queue(null, e -> LOG.log(
                    System.Logger.Level.WARNING, "could not say the bot is busy: " + e.getMessage()));
            case QUEUED, DUPLICATE -> { }
        }
    }
}
