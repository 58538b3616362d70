package dev.aiwizard.app.api;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.conversation.Conversation;
import dev.aiwizard.core.conversation.ConversationId;
import dev.aiwizard.core.conversation.ConversationStore;
import dev.aiwizard.core.job.JobStore;
import dev.aiwizard.core.request.JobRequestService;
import dev.aiwizard.core.request.RequestOutcome;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code /conversations}: every conversation (chat or API), one with its messages and jobs, and approving a draft. */
final class ConversationRoutes {
    private static final int MAX_LIMIT = 200;

    private final ConversationStore conversations;
    private final JobStore jobs;
    private final JobRequestService requests;

    ConversationRoutes(ConversationStore conversations, JobStore jobs, JobRequestService requests) {
        this.conversations = requireNonNull(conversations, "conversations");
        this.jobs = requireNonNull(jobs, "jobs");
        this.requests = requireNonNull(requests, "requests");
    }

    List<ApiRoute> routes() {
        return List.of(new ApiRoute(Method.GET, "/conversations", this::list),
                new ApiRoute(Method.GET, "/conversations/{id}", this::conversation),
                new ApiRoute(Method.POST, "/conversations/{id}/approval", this::approve));
    }

    private void list(ServerRequest req, ServerResponse res) {
        Optional<Integer> limit = intParam(req, res, "limit", 50);
        Optional<Integer> offset = limit.isEmpty() ? Optional.empty() : intParam(req, res, "offset", 0);
        if (limit.isEmpty() || offset.isEmpty()) {
            return;
        }
        if (limit.get() < 1 || limit.get() > MAX_LIMIT || offset.get() < 0) {
            Problems.send(res, Status.BAD_REQUEST_400, "invalid_request",
                    "limit must be 1.." + MAX_LIMIT + " and offset at least 0.");
            return;
        }
        List<Conversation> page = conversations.list(limit.get(), offset.get());
        Json.send(res, Map.of("conversations", page.stream().map(Views::conversation).toList(),
                "limit", limit.get(), "offset", offset.get()));
    }

    private void conversation(ServerRequest req, ServerResponse res) {
        Optional<Conversation> c = id(req).flatMap(conversations::find);
        if (c.isEmpty()) {
            Problems.send(res, Status.NOT_FOUND_404, "not_found", "No conversation "
                    + req.path().pathParameters().get("id") + ".");
            return;
        }
        Json.send(res, Views.conversationDetail(c.get(), conversations.messages(c.get().id()),
                jobs.forConversation(c.get().id())));
    }

    private void approve(ServerRequest req, ServerResponse res) {
        Optional<ConversationId> id = id(req);
        Outcomes.send(res, id.isEmpty() ? new RequestOutcome.NotFound("No conversation "
                + req.path().pathParameters().get("id") + ".") : requests.approve(Bodies.caller(req), id.get()));
    }

    private static Optional<ConversationId> id(ServerRequest req) {
        try {
            return Optional.of(new ConversationId(req.path().pathParameters().get("id")));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<Integer> intParam(ServerRequest req, ServerResponse res, String name, int fallback) {
        String raw = req.query().first(name).orElse(null);
        if (raw == null) {
            return Optional.of(fallback);
        }
        try {
            return Optional.of(Integer.parseInt(raw));
        } catch (NumberFormatException e) {
            Problems.send(res, Status.BAD_REQUEST_400, "invalid_request", name + " must be a whole number, was '"
                    + raw + "'.");
            return Optional.empty();
        }
    }
}
