package dev.aiwizard.core.request;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The cache key of a job request: a SHA-256 (hex) of everything that shapes its answer, and nothing else: the idea as
 * cleaned, the caller's answers, and the engine (the configured model and default target). Who asks is not part of
 * it: the same request from someone else gets the same answer.
 */
final class RequestKey {
    /** Raised when what the key covers changes, so old entries stop matching. */
    private static final String VERSION = "job-request-v1";

    private RequestKey() {
    }

    static String of(String idea, JobRequest r, String engine) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {VERSION, idea, r.stack(), r.name(), r.target(), r.model(), engine}) {
                // Each part is framed by its length, so no two different requests can run together into one text.
                byte[] bytes = part == null ? new byte[0] : part.getBytes(StandardCharsets.UTF_8);
                sha.update((part == null ? "-1:" : bytes.length + ":").getBytes(StandardCharsets.UTF_8));
                sha.update(bytes);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
