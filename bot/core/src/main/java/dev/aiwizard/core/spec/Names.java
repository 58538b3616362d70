package dev.aiwizard.core.spec;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Turns what people type into names that are safe as paths, branch names and identifiers. */
public final class Names {
    /** A project slug: lower-case words joined by single hyphens, 2 to 40 characters. */
    public static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final int MAX_SLUG = 40;

    private Names() {
    }

    /** The slug for {@code text}, or empty when nothing usable is left (e.g. only dots and slashes). */
    public static Optional<String> slug(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String s = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^[-0-9]+|-+$", "");
        if (s.length() > MAX_SLUG) {
            s = s.substring(0, MAX_SLUG).replaceAll("-+$", "");
        }
        return s.length() >= 2 && SLUG.matcher(s).matches() ? Optional.of(s) : Optional.empty();
    }

    /** Whether {@code name} is already a valid slug. */
    public static boolean isSlug(String name) {
        return name != null && name.length() >= 2 && name.length() <= MAX_SLUG && SLUG.matcher(name).matches();
    }

    /** {@code "due date"} -> {@code "dueDate"}; empty when no letter is left. */
    public static Optional<String> camel(String words, boolean upperFirst) {
        String[] parts = Normalizer.normalize(words, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .replaceAll("[^A-Za-z0-9]+", " ").trim().split(" ");
        StringBuilder out = new StringBuilder();
        for (String p : parts) {
            if (p.isEmpty()) {
                continue;
            }
            String lower = p.toLowerCase(Locale.ROOT);
            boolean capital = out.length() > 0 || upperFirst;
            out.append(capital ? Character.toUpperCase(lower.charAt(0)) + lower.substring(1) : lower);
        }
        String s = out.toString().replaceAll("^[0-9]+", "");
        if (s.isEmpty()) {
            return Optional.empty();
        }
        s = upperFirst ? Character.toUpperCase(s.charAt(0)) + s.substring(1) : Character.toLowerCase(s.charAt(0)) + s.substring(1);
        return Optional.of(s.length() > 40 ? s.substring(0, 40) : s);
    }
}
