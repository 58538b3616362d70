package dev.aiwizard.core.conversation;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.chat.UserRef;
import java.util.Set;

/**
 * Who may do what in a conversation, for every surface: the rule the {@link Turn} applies and the web pages ask
 * before they offer a form, so the two can never disagree. {@code via} is the platform a person uses, {@code who}
 * who they are there. A thread is teamwork — anyone in it may answer the questions — while approving, cancelling and
 * changing delivered code are the requester's or an admin's; a web conversation is its requester's (and the admins'). From another surface (the web pages, for a Slack or
 * Discord conversation) only the requester, through a configured {@link Identities identity}, or an admin of that
 * surface may take part; others may read conversations of shared platforms and nothing else.
 */
public final class WhoMay {
    /**
     * Platforms whose conversations belong to one person, not to a thread others are in: the web pages and the job
     * API. (The console is the operator's own terminal: whoever types there is the operator.)
     */
    private static final Set<String> PERSONAL = Set.of("web", "api");

    private final AdminPolicy admins;
    private final Identities identities;

    public WhoMay(AdminPolicy admins, Identities identities) {
        this.admins = requireNonNull(admins, "admins");
        this.identities = requireNonNull(identities, "identities");
    }

    /** Whether {@code who}, on {@code via}, asked for {@code c}. */
    public boolean isRequester(Conversation c, UserRef who, String via) {
        return identities.same(via, who.id(), c.thread().platform(), c.requester().id());
    }

    /** Whether {@code who} is a configured admin of {@code via}. */
    public boolean isAdmin(String via, UserRef who) {
        return admins.isAdmin(via, who);
    }

    /** Whether {@code who} may approve, cancel or change the delivered code of {@code c}. */
    public boolean mayDecide(Conversation c, UserRef who, String via) {
        return isRequester(c, who, via) || isAdmin(via, who);
    }

    /** Whether {@code who} may write in {@code c} at all (what they may decide is {@link #mayDecide}'s). */
    public boolean mayTakePart(Conversation c, UserRef who, String via) {
        return via.equals(c.thread().platform()) && !PERSONAL.contains(via) || mayDecide(c, who, via);
    }

    /** Whether {@code who} may read {@code c}: a shared platform's conversation, or one they may decide in. */
    public boolean maySee(Conversation c, UserRef who, String via) {
        return !PERSONAL.contains(c.thread().platform()) || mayDecide(c, who, via);
    }

    /** Why {@code c} is read-only for someone who may not take part from another surface. */
    public String whyReadOnly(Conversation c) {
        return Refusals.readOnly(c.thread().platform());
    }
}
