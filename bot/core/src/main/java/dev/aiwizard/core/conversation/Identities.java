package dev.aiwizard.core.conversation;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Who is the same person on two platforms, as the operator configured it ({@code WIZARD_WEB_IDENTITIES}): a GitHub
 * login on the web pages and a Slack or Discord user id. Only linked identities count; a name that merely looks
 * alike never does, since anyone can pick a display name.
 */
public record Identities(Map<String, Set<String>> links) {
    public Identities {
        Map<String, Set<String>> copy = new HashMap<>();
        if (links != null) {
            links.forEach((k, v) -> copy.put(k, Set.copyOf(v)));
        }
        links = Map.copyOf(copy);
    }

    /** Nobody is linked. */
    public static Identities none() {
        return new Identities(Map.of());
    }

    /** These links plus: {@code id} on {@code platform} is {@code otherId} on {@code otherPlatform}. */
    public Identities link(String platform, String id, String otherPlatform, String otherId) {
        String a = key(platform, id);
        String b = key(otherPlatform, otherId);
        Map<String, Set<String>> more = new HashMap<>(links);
        more.computeIfAbsent(a, k -> new HashSet<>());
        more.computeIfAbsent(b, k -> new HashSet<>());
        more.put(a, plus(more.get(a), b));
        more.put(b, plus(more.get(b), a));
        return new Identities(more);
    }

    /** Whether {@code id} on {@code platform} and {@code otherId} on {@code otherPlatform} are one person. */
    public boolean same(String platform, String id, String otherPlatform, String otherId) {
        if (platform.equals(otherPlatform)) {
            return id.equals(otherId);
        }
        return links.getOrDefault(key(platform, id), Set.of()).contains(key(otherPlatform, otherId));
    }

    private static Set<String> plus(Set<String> set, String member) {
        Set<String> out = new HashSet<>(set);
        out.add(member);
        return out;
    }

    // GitHub logins are case-insensitive; Slack and Discord ids differ in more than case, so folding them is safe.
    private static String key(String platform, String id) {
        requireNonNull(platform, "platform");
        requireNonNull(id, "id");
        return platform + ":" + id.strip().toLowerCase(Locale.ROOT);
    }
}
