package dev.aiwizard.web;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.access.ApiToken;
import dev.aiwizard.core.access.ApiTokens;
import dev.aiwizard.core.access.Principal;
import dev.aiwizard.web.view.TokenList;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;

/**
 * Personal API tokens ({@code /tokens}), for every signed-in person: their own tokens listed, a new one made (and
 * shown this once, on the answer to the form, never again), one revoked. The same {@link ApiTokens} the job API
 * recognises them with, so a revoked token stops working there at once.
 */
final class TokensPage {
    private final ApiTokens tokens;
    private final Pages pages;

    TokensPage(ApiTokens tokens, Pages pages) {
        this.tokens = requireNonNull(tokens, "tokens");
        this.pages = requireNonNull(pages, "pages");
    }

    List<WebRoute> routes() {
        return List.of(WebRoute.get("/tokens", (v, req, res) -> show(v, req, res, null, null)),
                WebRoute.post("/tokens", this::create),
                WebRoute.post("/tokens/{id}/revoke", this::revoke));
    }

    private void create(Visit visit, ServerRequest req, ServerResponse res) {
        switch (tokens.issue(caller(visit), null, Forms.field(req, "name"))) {
            case ApiTokens.Issue.Issued issued -> {
                res.status(Status.CREATED_201);
                show(visit, req, res, issued, null);
            }
            case ApiTokens.Issue.Invalid invalid -> {
                res.status(Status.BAD_REQUEST_400);
                show(visit, req, res, null, invalid.detail());
            }
            case ApiTokens.Issue.NotAllowed no -> {
                res.status(Status.FORBIDDEN_403);
                show(visit, req, res, null, no.detail());
            }
        }
    }

    private void revoke(Visit visit, ServerRequest req, ServerResponse res) {
        String id = req.path().pathParameters().get("id");
        if (tokens.revoke(caller(visit), id).isEmpty()) {
            pages.problem(res, Status.NOT_FOUND_404, "No such token", "You have no token " + id + ".", visit, req);
            return;
        }
        Pages.redirect(res, "/tokens");
    }

    private void show(Visit visit, ServerRequest req, ServerResponse res, ApiTokens.Issue.Issued made,
                      String problem) {
        List<TokenList.Row> rows = tokens.list(caller(visit)).stream().map(TokensPage::row).toList();
        TokenList view = new TokenList(rows, made == null ? null : made.secret(),
                made == null ? null : made.token().name(), problem);
        pages.render(res, "tokens.jte", pages.layout("API tokens", visit, req), "tokens", view);
    }

    /** A person on this page manages only their own tokens, admin or not (the operator's are the API's). */
    private static Principal caller(Visit visit) {
        return Principal.person(visit.person().user());
    }

    private static TokenList.Row row(ApiToken t) {
        return new TokenList.Row(t.id(), t.name(), JobPage.WHEN.format(t.createdAt()),
                t.revoked() ? JobPage.WHEN.format(t.revokedAt()) : null, "/tokens/" + t.id() + "/revoke");
    }
}
