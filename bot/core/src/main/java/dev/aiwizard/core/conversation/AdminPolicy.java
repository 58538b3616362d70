package dev.aiwizard.core.conversation;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.chat.UserRef;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Who besides the requester may approve, cancel or change a delivered conversation, per platform: people by their
 * platform id ({@code WIZARD_SLACK_ADMINS}) and holders of a role, by role id or name, case-insensitively
 * ({@code WIZARD_DISCORD_ADMIN_ROLES}).
 */
public record AdminPolicy(Map<String, Set<String>> users, Map<String, Set<String>> roles) {
    public AdminPolicy {
        users = copy(users);
        roles = copy(roles);
    }

    /** Nobody but the requester. */
    public static AdminPolicy none() {
        return new AdminPolicy(Map.of(), Map.of());
    }

    /** This policy plus the people with {@code ids} on {@code platform}; blank entries are ignored. */
    public AdminPolicy withUsers(String platform, List<String> ids) {
        return new AdminPolicy(adding(users, platform, ids), roles);
    }

    /** This policy plus the holders of the roles {@code idsOrNames} on {@code platform}; blank entries are ignored. */
    public AdminPolicy withRoles(String platform, List<String> idsOrNames) {
        return new AdminPolicy(users, adding(roles, platform, idsOrNames));
    }

    /** Whether {@code user}, speaking on {@code platform}, is a configured admin there. */
    public boolean isAdmin(String platform, UserRef user) {
        if (users.getOrDefault(platform, Set.of()).contains(key(user.id()))) {
            return true;
        }
        Set<String> admitted = roles.getOrDefault(platform, Set.of());
        return !admitted.isEmpty() && user.roles().stream().anyMatch(r -> admitted.contains(key(r)));
    }

    private static Map<String, Set<String>> adding(Map<String, Set<String>> to, String platform, List<String> more) {
        requireNonNull(platform, "platform");
        Map<String, Set<String>> copy = new HashMap<>(to);
        Set<String> set = new HashSet<>(copy.getOrDefault(platform, Set.of()));
        for (String m : more) {
            if (m != null && !m.isBlank()) {
                set.add(key(m));
            }
        }
        copy.put(platform, set);
        return copy;
    }

    private static Map<String, Set<String>> copy(Map<String, Set<String>> m) {
        Map<String, Set<String>> c = new HashMap<>();
        if (m != null) {
            m.forEach((k, v) -> c.put(k, Set.copyOf(v.stream().map(AdminPolicy::key).toList())));
        }
        return Map.copyOf(c);
    }

    // Role names are matched regardless of case; platform ids differ in more than case, so folding them is safe.
    private static String key(String s) {
        return s.strip().toLowerCase(Locale.ROOT);
    }
}
