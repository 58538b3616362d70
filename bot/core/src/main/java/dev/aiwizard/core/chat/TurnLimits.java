package dev.aiwizard.core.chat;

/**
 * How much chat work one platform's queues may hold (waiting or running) before they refuse more: {@code perThread}
 * for one queue key (a thread, a channel, a person's DMs), {@code total} for all of them. The limits keep memory
 * bounded when turns arrive faster than they finish; refused work is left to the platform's retry.
 */
public record TurnLimits(int perThread, int total) {
    public TurnLimits {
        if (perThread < 1 || total < 1) {
            throw new IllegalArgumentException("turn limits must be at least 1, were " + perThread + " per thread and "
                    + total + " in total");
        }
        if (perThread > total) {
            throw new IllegalArgumentException("the limit per thread (" + perThread + ") cannot exceed the total ("
                    + total + ")");
        }
    }
}
