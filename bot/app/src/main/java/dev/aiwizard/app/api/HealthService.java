package dev.aiwizard.app.api;

import static java.util.Objects.requireNonNull;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * {@code /health}, {@code /health/live}, {@code /health/ready} and {@code /health/started}: 200 when up, 503 when
 * down, for load balancers and orchestrators. Which checks passed is shown only to callers {@link ApiAccess} trusts;
 * everyone else gets {@code {"status":"UP"}} or {@code {"status":"DOWN"}}, since the names and states of the
 * database and Redis tell an outsider what to attack and when. (Helidon's health observer shows its details to all
 * callers or to none, so the bot serves health itself.)
 */
public final class HealthService implements HttpService {
    /** A readiness check: its name, and a probe that is true when the component answers. */
    public record Check(String name, BooleanSupplier probe) {
        public Check {
            requireNonNull(name, "name");
            requireNonNull(probe, "probe");
        }
    }

    /** One check's outcome as JSON shows it, in this key order. */
    private record Result(String name, String status) {
    }

    private final List<Check> readiness;
    private final ApiAccess access;

    /** Health with these readiness checks; {@code apiToken} as for the API (empty: details to direct loopback). */
    public HealthService(List<Check> readiness, String apiToken) {
        this.readiness = List.copyOf(readiness);
        this.access = new ApiAccess(apiToken);
    }

    @Override
    public void routing(HttpRules rules) {
        Handler ready = (req, res) -> answer(req, res, readiness);
        // The process answers HTTP, so it is alive and has started; there is nothing else to ask.
        Handler alive = (req, res) -> answer(req, res, List.of());
        rules.get("/", ready).head("/", ready)
                .get("/ready", ready).head("/ready", ready)
                .get("/live", alive).head("/live", alive)
                .get("/started", alive).head("/started", alive);
    }

    private void answer(ServerRequest req, ServerResponse res, List<Check> checks) {
        List<Result> results = checks.stream().map(c -> new Result(c.name(), up(c) ? "UP" : "DOWN")).toList();
        boolean up = results.stream().allMatch(r -> r.status().equals("UP"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        if (access.trusted(req)) {
            body.put("checks", results);
        }
        Status status = up ? Status.OK_200 : Status.SERVICE_UNAVAILABLE_503;
        res.header(HeaderNames.CACHE_CONTROL, "no-cache, no-store, must-revalidate, no-transform");
        if (req.prologue().method() == Method.HEAD) {
            res.status(status).send();
        } else {
            Json.send(res, status, body);
        }
    }

    private static boolean up(Check check) {
        try {
            return check.probe().getAsBoolean();
        } catch (RuntimeException e) {
            // A probe that throws counts as down: the component cannot be used either way.
            return false;
        }
    }
}
