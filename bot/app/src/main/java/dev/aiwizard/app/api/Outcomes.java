package dev.aiwizard.app.api;

import dev.aiwizard.core.request.RequestOutcome;
import dev.aiwizard.core.retry.RetryAfter;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;

/**
 * What a job request or an approval came to, as HTTP: {@code 201} with the spec and how to approve it, {@code 202}
 * with the queued job, {@code 200} with the job an identical earlier request got (nothing new was queued), and
 * problems ({@code 400}, {@code 403}, {@code 404}, {@code 409}, {@code 429} with {@code Retry-After}).
 */
final class Outcomes {
    private Outcomes() {
    }

    static void send(ServerResponse res, RequestOutcome outcome) {
        switch (outcome) {
            case RequestOutcome.Drafted d -> {
                res.header(HeaderNames.LOCATION, ApiService.BASE + "/conversations/" + d.conversation().id().value());
                Json.send(res, Status.CREATED_201, Views.drafted(d));
            }
            case RequestOutcome.Queued q -> {
                res.header(HeaderNames.LOCATION, ApiService.BASE + "/jobs/" + q.job().id().value());
                Json.send(res, q.cached() ? Status.OK_200 : Status.ACCEPTED_202, Views.queued(q));
            }
            case RequestOutcome.Invalid i -> Problems.invalid(res,
                    i.problems().stream().map(p -> new Problems.FieldError(p.field(), p.detail())).toList());
            case RequestOutcome.Limited l -> {
                String seconds = RetryAfter.seconds(l.retryAfter());
                res.header(HeaderNames.RETRY_AFTER, seconds);
                Problems.send(res, Status.TOO_MANY_REQUESTS_429, "rate_limited", "You made " + l.limit()
                        + " job requests in the last minute, the most allowed; try again in " + seconds + " s.");
            }
            case RequestOutcome.NotFound n -> Problems.send(res, Status.NOT_FOUND_404, "not_found", n.detail());
            case RequestOutcome.NotAllowed n -> Problems.send(res, Status.FORBIDDEN_403, "forbidden", n.detail());
            case RequestOutcome.Conflict c -> Problems.send(res, Status.CONFLICT_409, "conflict", c.detail());
        }
    }
}
