package dev.aiwizard.discord;

import dev.aiwizard.core.chat.ThreadRef;
import dev.aiwizard.core.chat.UserRef;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.interactions.InteractionHook;

/** How Discord's people, threads and texts read in the core's words; shared by the handlers of each role. */
final class DiscordRefs {
    private static final System.Logger LOG = System.getLogger(DiscordRefs.class.getName());
    private static final Pattern MENTION = Pattern.compile("<@!?\\d+>");
    static final int MAX_THREAD_NAME = 100;

    private DiscordRefs() {
    }

    /** The conversation thread a guild thread is. */
    static ThreadRef guildThread(ThreadChannel t) {
        return new ThreadRef(DiscordGateway.PLATFORM, t.getParentChannel().getId(), t.getId());
    }

    /** The person, with their server roles (ids and names) so the core can tell a configured admin role. */
    static UserRef user(User u, Member member) {
        String name = u.getEffectiveName();
        Set<String> roles = new HashSet<>();
        if (member != null) {
            for (Role r : member.getRoles()) {
                roles.add(r.getId());
                roles.add(r.getName());
            }
        }
        return new UserRef(u.getId(), name == null || name.isBlank() ? "<@" + u.getId() + ">" : name, roles);
    }

    /** The person as a kept interaction recorded them. */
    static UserRef user(Map<String, String> f) {
        String name = f.get("name");
        String roles = f.get("roles");
        return new UserRef(f.get("user"), name == null || name.isBlank() ? "<@" + f.get("user") + ">" : name,
                roles == null ? Set.of() : Set.of(roles.split("\n")));
    }

    static boolean mentionsMe(Message m) {
        User self = m.getJDA().getSelfUser();
        return m.getMentions().getUsers().stream().anyMatch(u -> u.getIdLong() == self.getIdLong())
                || m.getContentRaw().contains("<@" + self.getId() + ">")
                || m.getContentRaw().contains("<@!" + self.getId() + ">");
    }

    static String withoutMentions(String text) {
        return MENTION.matcher(text).replaceAll("").strip();
    }

    static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** Answers an interaction by editing its deferred reply; nothing when replayed ({@code hook} null). */
    static void edit(InteractionHook hook, String text) {
        if (hook == null) {
            return; // replayed after a crash: the interaction's own answer is gone with it
        }
        hook.editOriginal(shorten(text, DiscordGateway.MAX_CONTENT)).setAllowedMentions(List.of())
                .queue(null, e -> LOG.log(System.Logger.Level.WARNING, "could not answer the interaction: "
                        + e.getMessage()));
    }
}
