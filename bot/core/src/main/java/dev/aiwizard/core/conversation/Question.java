package dev.aiwizard.core.conversation;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.spec.Slot;
import java.util.List;

/**
 * A question the interviewer asks about one slot, with likely answers, and how many questions may still follow it
 * ({@code remainingAfter}), so people see the end coming.
 */
public record Question(Slot slot, String text, List<String> choices, int remainingAfter) {
    public Question {
        requireNonNull(slot, "slot");
        requireNonNull(text, "text");
        choices = choices == null ? List.of() : List.copyOf(choices);
        if (remainingAfter < 0) {
            throw new IllegalArgumentException("remainingAfter must be >= 0");
        }
    }
}
