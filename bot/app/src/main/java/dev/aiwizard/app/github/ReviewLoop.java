package dev.aiwizard.app.github;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiwizard.core.chat.UserRef;
import dev.aiwizard.core.conversation.Conversation;
import dev.aiwizard.core.conversation.ConversationService;
import dev.aiwizard.core.conversation.ConversationStore;
import dev.aiwizard.git.GitHubReviews;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns GitHub's pull request events into conversation turns: a merged or closed pull request ends its conversation,
 * and a comment that mentions the bot, from someone with write access, asks for a revision of the same branch.
 * A pull request is the bot's when its delivery recorded it: the same number in the same repository (the event's
 * {@code repository}), with its head in that repository too. A fork's pull request whose branch happens to have the
 * bot's branch name is somebody else's, and so is every event the bot did not open the pull request for.
 */
final class ReviewLoop {
    private static final System.Logger LOG = System.getLogger(ReviewLoop.class.getName());

    private final ConversationStore conversations;
    private final ConversationService service;
    private final GitHubReviews reviews;
    private final Pattern mention;

    /** {@code mention}: how a comment addresses the bot ({@code @ai-wizard}). */
    ReviewLoop(ConversationStore conversations, ConversationService service, GitHubReviews reviews, String mention) {
        this.conversations = requireNonNull(conversations, "conversations");
        this.service = requireNonNull(service, "service");
        this.reviews = requireNonNull(reviews, "reviews");
        this.mention = Pattern.compile("(?<![\\w-])" + Pattern.quote(mention) + "(?![\\w-])", Pattern.CASE_INSENSITIVE);
    }

    /**
     * Applies one delivery; {@code eventKey} is recorded with the conversation's writes, so a replayed delivery
     * changes nothing. False when it failed and should be tried again.
     */
    boolean handle(String event, String delivery, JsonNode payload, String eventKey) {
        try {
            String repo = payload.path("repository").path("full_name").asText("");
            String action = payload.path("action").asText("");
            if (repo.isEmpty()) {
                return true;
            }
            switch (event) {
                case "pull_request" -> {
                    if (action.equals("closed")) {
                        JsonNode pr = payload.path("pull_request");
                        conversationOf(repo, pr).ifPresent(c -> closed(c, pr, payload.path("sender"), eventKey));
                    }
                }
                case "issue_comment" -> {
                    JsonNode issue = payload.path("issue");
                    if (action.equals("created") && issue.has("pull_request")) {
                        // The payload names no head; a recorded number in this repository is the bot's own.
                        int number = issue.path("number").asInt();
                        Optional<Conversation> c = number > 0 ? conversations.findByPullRequest(repo, number)
                                : Optional.empty();
                        if (c.isPresent()) {
                            comment(c.get(), repo, number, payload.path("comment"), "a comment on", eventKey);
                        }
                    }
                }
                case "pull_request_review_comment" -> {
                    JsonNode pr = payload.path("pull_request");
                    if (action.equals("created")) {
                        Optional<Conversation> c = conversationOf(repo, pr);
                        if (c.isPresent()) {
                            comment(c.get(), repo, pr.path("number").asInt(), payload.path("comment"),
                                    "a review comment on", eventKey);
                        }
                    }
                }
                default -> LOG.log(System.Logger.Level.DEBUG, "webhook event {0} ignored", event);
            }
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "webhook delivery " + delivery + " (" + event + ") failed: "
                    + e.getMessage(), e);
            return false;
        }
    }

    private void closed(Conversation c, JsonNode pr, JsonNode sender, String eventKey) {
        boolean merged = pr.path("merged").asBoolean(false);
        String by = merged && pr.path("merged_by").has("login") ? pr.path("merged_by").path("login").asText()
                : sender.path("login").asText("someone");
        service.deliveryClosed(c.id(), merged, "@" + by, "pull request #" + pr.path("number").asInt(), eventKey);
    }

    private void comment(Conversation c, String repo, int number, JsonNode comment, String kind, String eventKey)
            throws IOException {
        String body = comment.path("body").asText("");
        JsonNode user = comment.path("user");
        String login = user.path("login").asText("");
        if (login.isEmpty() || "Bot".equals(user.path("type").asText()) || !mention.matcher(body).find()) {
            return;
        }
        if (!reviews.canWrite(repo, login)) {
            LOG.log(System.Logger.Level.INFO, "comment by {0} on {1}#{2} ignored: no write access", login, repo,
                    number);
            return;
        }
        String what = mention.matcher(body).replaceAll("").strip();
        if (comment.has("path") && !comment.path("path").asText().isEmpty()) {
            what = "in " + comment.path("path").asText() + (comment.path("line").isInt() ? " (line "
                    + comment.path("line").asInt() + ")" : "") + ": " + what;
        }
        if (what.isBlank()) {
            return;
        }
        service.revisionRequested(c.id(), new UserRef("github:" + login, "@" + login + " (GitHub)"), what,
                kind + " pull request #" + number, eventKey);
    }

    /**
     * The conversation of pull request {@code pr} in {@code repo}: its number recorded for {@code repo}, and its head
     * in {@code repo} as well. A fork's pull request (head elsewhere, or its repository deleted) is never the bot's.
     */
    private Optional<Conversation> conversationOf(String repo, JsonNode pr) {
        int number = pr.path("number").asInt();
        String head = pr.path("head").path("repo").path("full_name").asText("");
        if (number <= 0 || !head.equalsIgnoreCase(repo)) {
            return Optional.empty();
        }
        return conversations.findByPullRequest(repo, number);
    }
}
