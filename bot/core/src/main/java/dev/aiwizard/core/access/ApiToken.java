package dev.aiwizard.core.access;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.chat.UserRef;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A personal API token as the bot keeps it: never the token itself (only its hash is stored), but its id, whose it
 * is, the name its owner gave it ("laptop"), when it was made and when it was revoked ({@code null}: it works).
 */
public record ApiToken(String id, UserRef owner, String name, Instant createdAt, Instant revokedAt) {
    /** What a token's id looks like: {@code tok-} and ten letters or digits. */
    public static final Pattern ID = Pattern.compile("tok-[a-z0-9]{10}");

    public ApiToken {
        requireNonNull(id, "id");
        requireNonNull(owner, "owner");
        requireNonNull(name, "name");
        requireNonNull(createdAt, "createdAt");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a token id: " + id);
        }
    }

    public boolean revoked() {
        return revokedAt != null;
    }
}
