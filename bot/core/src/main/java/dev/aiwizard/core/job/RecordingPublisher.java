package dev.aiwizard.core.job;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.conversation.ConversationStore;

/**
 * A {@link Publisher} that remembers which conversation each pull request belongs to, as soon as a delivery opened
 * (or found) it: GitHub's webhooks are then matched by repository and number, never by a branch name a fork could
 * copy.
 */
public final class RecordingPublisher implements Publisher {
    private final Publisher publisher;
    private final ConversationStore conversations;

    public RecordingPublisher(Publisher publisher, ConversationStore conversations) {
        this.publisher = requireNonNull(publisher, "publisher");
        this.conversations = requireNonNull(conversations, "conversations");
    }

    @Override
    public PublishResult publish(PublishRequest request, Fence fence) {
        PublishResult result = publisher.publish(request, fence);
        if (result.repository() != null) {
            // Before the job reports success; a retried job finds the same pull request and records it again,
            // which changes nothing.
            conversations.recordPullRequest(request.conversationId(), result.repository(), result.pullRequest());
        }
        return result;
    }
}
