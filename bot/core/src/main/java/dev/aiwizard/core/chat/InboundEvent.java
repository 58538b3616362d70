package dev.aiwizard.core.chat;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Map;

/**
 * A platform event the bot acknowledged, kept until its turn is committed: the key the turn records it under
 * ({@code event:<platform>:<event id>}), the platform, what the adapter needs to run it again after a crash
 * ({@code fields}, the adapter's own words), when it arrived, and how often it was claimed after its lease ran out.
 */
public record InboundEvent(String key, String platform, Map<String, String> fields, Instant receivedAt,
                           int attempts) {
    public InboundEvent {
        requireNonNull(key, "key");
        requireNonNull(platform, "platform");
        requireNonNull(receivedAt, "receivedAt");
        if (key.length() > 200) {
            throw new IllegalArgumentException("an event key has at most 200 characters");
        }
        fields = fields == null ? Map.of() : Map.copyOf(fields);
    }

    /** A new event, never claimed. */
    public InboundEvent(String key, String platform, Map<String, String> fields, Instant receivedAt) {
        this(key, platform, fields, receivedAt, 0);
    }

    /** The key a turn records the platform's event {@code eventId} under. */
    public static String key(String platform, String eventId) {
        return "event:" + platform + ":" + eventId;
    }

    /** A field the adapter stored, or null. */
    public String field(String name) {
        return fields.get(name);
    }
}
