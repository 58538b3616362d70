package dev.aiwizard.core;

import java.security.SecureRandom;

/** Short random identifiers that are safe in URLs, branch names and file names. */
public final class Ids {
    private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    /** A new random id of {@code length} characters from a lower-case alphabet without look-alikes. */
    public static String random(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(out);
    }
}
