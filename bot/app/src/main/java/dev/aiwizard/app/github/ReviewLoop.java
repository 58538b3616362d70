package dev.aiwizard.app.github;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiwizard.core.chat.UserRef;
import dev.aiwizard.core.conversation.Conversation;
import dev.aiwizard.core.conversation.ConversationService;
import dev.aiwizard.core.conversation.ConversationStore;
import dev.aiwizard.git.GitHubReviews;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns GitHub's pull request events into conversation turns: a merged or closed pull request ends its conversation,
 * and a comment that mentions the bot, from someone with write access, asks for a revision of the same branch.
 * Events about branches the bot does not know are ignored.
 */
final class ReviewLoop {
    private static final System.Logger LOG = System.getLogger(ReviewLoop.class.getName());

    private final ConversationStore conversations;
    private final ConversationService service;
    private final GitHubReviews reviews;
    private final String defaultTarget;
    private final Pattern mention;

    /** {@code mention}: how a comment addresses the bot ({@code @ai-wizard}); {@code defaultTarget}: WIZARD_TARGET. */
    ReviewLoop(ConversationStore conversations, ConversationService service, GitHubReviews reviews,
               String defaultTarget, String mention) {
        this.conversations = requireNonNull(conversations, "conversations");
        this.service = requireNonNull(service, "service");
        this.reviews = requireNonNull(reviews, "reviews");
        this.defaultTarget = requireNonNull(defaultTarget, "defaultTarget");
        this.mention = Pattern.compile("(?<![\\w-])" + Pattern.quote(mention) + "(?![\\w-])", Pattern.CASE_INSENSITIVE);
    }

    void handle(String event, String delivery, JsonNode payload) {
        try {
            String repo = payload.path("repository").path("full_name").asText("");
            String action = payload.path("action").asText("");
            if (repo.isEmpty()) {
                return;
            }
            switch (event) {
                case "pull_request" -> {
                    if (action.equals("closed")) {
                        closed(repo, payload.path("pull_request"), payload.path("sender"));
                    }
                }
                case "issue_comment" -> {
                    JsonNode issue = payload.path("issue");
                    if (action.equals("created") && issue.has("pull_request")) {
                        int number = issue.path("number").asInt();
                        Optional<String> branch = reviews.branchOf(repo, number);
                        if (branch.isPresent()) {
                            comment(repo, branch.get(), number, payload.path("comment"), "a comment on");
                        }
                    }
                }
                case "pull_request_review_comment" -> {
                    if (action.equals("created")) {
                        JsonNode pr = payload.path("pull_request");
                        comment(repo, pr.path("head").path("ref").asText(""), pr.path("number").asInt(),
                                payload.path("comment"), "a review comment on");
                    }
                }
                default -> LOG.log(System.Logger.Level.DEBUG, "webhook event {0} ignored", event);
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "webhook delivery " + delivery + " (" + event + ") failed: "
                    + e.getMessage(), e);
        }
    }

    private void closed(String repo, JsonNode pr, JsonNode sender) {
        boolean merged = pr.path("merged").asBoolean(false);
        String by = merged && pr.path("merged_by").has("login") ? pr.path("merged_by").path("login").asText()
                : sender.path("login").asText("someone");
        conversationOf(repo, pr.path("head").path("ref").asText("")).ifPresent(c -> service.deliveryClosed(c.id(),
                merged, "@" + by, "pull request #" + pr.path("number").asInt()));
    }

    private void comment(String repo, String branch, int number, JsonNode comment, String kind) throws IOException {
        String body = comment.path("body").asText("");
        JsonNode user = comment.path("user");
        String login = user.path("login").asText("");
        if (login.isEmpty() || "Bot".equals(user.path("type").asText()) || !mention.matcher(body).find()) {
            return;
        }
        Optional<Conversation> c = conversationOf(repo, branch);
        if (c.isEmpty()) {
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
        service.revisionRequested(c.get().id(), new UserRef("github:" + login, "@" + login + " (GitHub)"), what,
                kind + " pull request #" + number);
    }

    /** The unfinished conversation whose code is on {@code branch} of {@code repo}. */
    private Optional<Conversation> conversationOf(String repo, String branch) {
        if (branch.isEmpty()) {
            return Optional.empty();
        }
        return conversations.findByBranch(branch).stream()
                .filter(c -> sameRepo(c.spec().target() == null ? defaultTarget : c.spec().target(), repo))
                .findFirst();
    }

    private static boolean sameRepo(String target, String repo) {
        String t = target.toLowerCase(Locale.ROOT);
        t = t.endsWith(".git") ? t.substring(0, t.length() - 4) : t;
        return t.equals(repo.toLowerCase(Locale.ROOT));
    }
}
