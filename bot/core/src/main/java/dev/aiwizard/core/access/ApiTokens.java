package dev.aiwizard.core.access;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.Ids;
import dev.aiwizard.core.chat.UserRef;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The use case behind personal API tokens: issue one (shown once), recognise one, list and revoke them. A token is
 * {@value #PREFIX} and 48 random characters (240 bits from a {@code SecureRandom}), so a plain SHA-256 is a safe way
 * to keep it: nobody can search that space, and no salt or slow hash is needed. People manage their own tokens; the
 * operator manages everyone's.
 */
public final class ApiTokens {
    /** What every personal token starts with, so it is recognised (and masked) wherever it is pasted. */
    public static final String PREFIX = "wzt_";
    private static final Pattern TOKEN = Pattern.compile(Pattern.quote(PREFIX) + "[a-z0-9]{48}");
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N} ._:@/-]{1,100}");
    private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,99}");
    private static final int MAX_LISTED = 500;

    private final ApiTokenStore store;
    private final Clock clock;

    public ApiTokens(ApiTokenStore store, Clock clock) {
        this.store = requireNonNull(store, "store");
        this.clock = requireNonNull(clock, "clock");
    }

    /** What issuing a token came to. */
    public sealed interface Issue {
        /** Made: {@code secret} is the token, shown this once and kept nowhere. */
        record Issued(ApiToken token, String secret) implements Issue {
        }

        /** Refused: {@code field} of the request is unusable, as {@code detail} says. */
        record Invalid(String field, String detail) implements Issue {
        }

        /** Refused: a person may make tokens only for themselves. */
        record NotAllowed(String detail) implements Issue {
        }
    }

    /**
     * Issues a token named {@code name} for {@code owner} ({@code null}: for the caller). Only the operator may issue
     * tokens for someone else.
     */
    public Issue issue(Principal caller, UserRef owner, String name) {
        requireNonNull(caller, "caller");
        UserRef whose = owner == null ? caller.user() : owner;
        if (name == null || !NAME.matcher(name.strip()).matches()) {
            return new Issue.Invalid("name", "name must be 1 to 100 letters, digits, spaces or ._:@/- characters");
        }
        if (!USER_ID.matcher(whose.id()).matches() || whose.displayName().isBlank()
                || whose.displayName().length() > 100) {
            return new Issue.Invalid("user", "user must be 1 to 100 letters, digits or ._@- characters (a login)");
        }
        if (!caller.mayActFor(whose.id())) {
            return new Issue.NotAllowed("You can make tokens only for yourself (" + caller.user().id() + ").");
        }
        String secret = PREFIX + Ids.random(48);
        ApiToken token = new ApiToken("tok-" + Ids.random(10), new UserRef(whose.id(), whose.displayName()),
                name.strip(), clock.instant(), null);
        store.add(token, hash(secret));
        return new Issue.Issued(token, secret);
    }

    /** Whose token {@code presented} is, when it is a personal token that works (not revoked). */
    public Optional<Principal> recognise(String presented) {
        if (presented == null || !TOKEN.matcher(presented).matches()) {
            return Optional.empty();
        }
        return store.findActive(hash(presented)).map(t -> Principal.person(t.owner()));
    }

    /** The tokens {@code caller} may see: their own, or everyone's for the operator; newest first. */
    public List<ApiToken> list(Principal caller) {
        return caller.operator() ? store.listAll(MAX_LISTED) : store.listOf(caller.user().id());
    }

    /**
     * Revokes token {@code id} when {@code caller} may (its owner, or the operator) and returns it as it is now,
     * revoked (now or before). Empty when there is no such token, and for someone else's token, so the ids of others'
     * tokens cannot be probed.
     */
    public Optional<ApiToken> revoke(Principal caller, String id) {
        if (id == null || !ApiToken.ID.matcher(id).matches()) {
            return Optional.empty();
        }
        Optional<ApiToken> token = store.find(id).filter(t -> caller.mayActFor(t.owner().id()));
        token.ifPresent(t -> store.revoke(t.id(), clock.instant()));
        return token.flatMap(t -> store.find(t.id()));
    }

    /** The SHA-256 of {@code token} in lower-case hex, as stored. */
    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
