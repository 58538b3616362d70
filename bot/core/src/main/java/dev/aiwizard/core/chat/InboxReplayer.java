package dev.aiwizard.core.chat;

/** A chat adapter's way to run an acknowledged event again, as it first would have, after its replica died. */
public interface InboxReplayer {
    /** The platform whose events this replays, as in {@link ThreadRef#platform()}. */
    String platform();

    /** Queues {@code event}'s turn again; the turn marks it done when committed. */
    void replay(InboundEvent event);
}
