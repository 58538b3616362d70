package dev.aiwizard.core.conversation;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.spec.TargetPolicy;
import java.time.Duration;
import java.util.List;

/**
 * Limits of the conversation engine: how many questions at most, how long an idea may be, how many generations
 * and new conversations one person may start per hour, how long to wait for a busy conversation, which models
 * people may ask for with {@code model=} in an idea (none: the configured model only), and which targets a spec may
 * deliver to (checked before a job is queued), who besides the requester approves, cancels and changes, and who is
 * the same person on two platforms.
 */
public record ConversationSettings(int maxQuestions, int maxIdeaLength, int generationsPerHour,
                                   int conversationsPerHour, Duration lockWait, List<String> allowedModels,
                                   TargetPolicy targets, AdminPolicy admins, Identities identities) {
    public ConversationSettings {
        admins = admins == null ? AdminPolicy.none() : admins;
        identities = identities == null ? Identities.none() : identities;
        requireNonNull(lockWait, "lockWait");
        allowedModels = allowedModels == null ? List.of() : List.copyOf(allowedModels);
        targets = targets == null ? TargetPolicy.localOnly() : targets;
        if (maxQuestions < 0 || maxQuestions > 20) {
            throw new IllegalArgumentException("maxQuestions must be between 0 and 20, was " + maxQuestions);
        }
        if (maxIdeaLength < 10) {
            throw new IllegalArgumentException("maxIdeaLength must be at least 10, was " + maxIdeaLength);
        }
        if (generationsPerHour < 1 || conversationsPerHour < 1) {
            throw new IllegalArgumentException("rate limits must be at least 1 per hour");
        }
    }

    /** Limits without per-request model choice. */
    public ConversationSettings(int maxQuestions, int maxIdeaLength, int generationsPerHour, int conversationsPerHour,
                                Duration lockWait) {
        this(maxQuestions, maxIdeaLength, generationsPerHour, conversationsPerHour, lockWait, List.of(), null, null,
                null);
    }

    /** Limits with per-request model choice and deliveries to the bot's own repositories only. */
    public ConversationSettings(int maxQuestions, int maxIdeaLength, int generationsPerHour, int conversationsPerHour,
                                Duration lockWait, List<String> allowedModels) {
        this(maxQuestions, maxIdeaLength, generationsPerHour, conversationsPerHour, lockWait, allowedModels, null, null,
                null);
    }

    /** Limits with a target policy and nobody but the requester deciding. */
    public ConversationSettings(int maxQuestions, int maxIdeaLength, int generationsPerHour, int conversationsPerHour,
                                Duration lockWait, List<String> allowedModels, TargetPolicy targets) {
        this(maxQuestions, maxIdeaLength, generationsPerHour, conversationsPerHour, lockWait, allowedModels, targets,
                null, null);
    }

    /** These settings with {@code admins} deciding besides the requester. */
    public ConversationSettings withAdmins(AdminPolicy admins) {
        return new ConversationSettings(maxQuestions, maxIdeaLength, generationsPerHour, conversationsPerHour,
                lockWait, allowedModels, targets, admins, identities);
    }

    /** These settings with {@code identities} linking people across platforms. */
    public ConversationSettings withIdentities(Identities identities) {
        return new ConversationSettings(maxQuestions, maxIdeaLength, generationsPerHour, conversationsPerHour,
                lockWait, allowedModels, targets, admins, identities);
    }

    /** Who may do what in a conversation, from these admins and identities. */
    public WhoMay whoMay() {
        return new WhoMay(admins, identities);
    }

    /** The documented defaults: 6 questions, 2,000 characters, 10 generations and 30 conversations per hour. */
    public static ConversationSettings defaults() {
        return new ConversationSettings(6, 2000, 10, 30, Duration.ofSeconds(10));
    }
}
