package dev.aiwizard.core.job;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.Ids;
import java.util.Optional;
import java.util.regex.Pattern;

/** Identifies a job; short and safe in URLs. */
public record JobId(String value) {
    private static final Pattern FORMAT = Pattern.compile("j-[a-z0-9]{4,32}");

    public JobId {
        requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("not a job id: " + value);
        }
    }

    /** The id {@code raw} spells, or empty when it is not a job id (an address typed by hand). */
    public static Optional<JobId> parse(String raw) {
        return raw != null && FORMAT.matcher(raw).matches() ? Optional.of(new JobId(raw)) : Optional.empty();
    }

    /** A new random id. */
    public static JobId random() {
        return new JobId("j-" + Ids.random(10));
    }

    @Override
    public String toString() {
        return value;
    }
}
