package dev.aiwizard.core.job;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.Ids;
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

    /** A new random id. */
    public static JobId random() {
        return new JobId("j-" + Ids.random(10));
    }

    @Override
    public String toString() {
        return value;
    }
}
