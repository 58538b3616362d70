package dev.aiwizard.core.access;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A person signed in to the web pages: who ({@code login}, {@code name}), how ({@code provider}: {@code github}, or
 * {@code local} for the single local user of an install without sign-in), the token every form and script sends back
 * ({@code csrf}), and until when it holds. The session's own secret is the browser's cookie; stores keep only its hash.
 */
public record WebSession(String login, String name, String provider, String csrf, Instant createdAt,
                         Instant expiresAt) {
    public WebSession {
        requireNonNull(login, "login");
        requireNonNull(name, "name");
        requireNonNull(provider, "provider");
        requireNonNull(csrf, "csrf");
        requireNonNull(createdAt, "createdAt");
        requireNonNull(expiresAt, "expiresAt");
        if (login.isBlank() || csrf.isBlank()) {
            throw new IllegalArgumentException("a web session needs a login and a CSRF token");
        }
    }

    /** Whether the session still holds at {@code now}. */
    public boolean heldAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
