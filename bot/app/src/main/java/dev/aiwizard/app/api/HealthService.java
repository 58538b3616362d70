package dev.aiwizard.app.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
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
import java.util.function.Supplier;

/**
 * {@code /health}, {@code /health/live}, {@code /health/ready} and {@code /health/started}: 200 when up, 503 when
 * down, for load balancers and orchestrators. Which checks passed is shown only to callers {@link ApiAccess} trusts;
 * everyone else gets {@code {"status":"UP"}} or {@code {"status":"DOWN"}}, since the names and states of the
 * database and Redis tell an outsider what to attack and when. (Helidon's health observer shows its details to all
 * callers or to none, so the bot serves health itself.)
 */
public final class HealthService implements HttpService {
    /**
     * A readiness check: its name, a probe that is true when the component answers, and why it works in a degraded
     * way right now (null: it does not), which keeps the bot ready but is shown to trusted callers.
     */
    public record Check(String name, BooleanSupplier probe, Supplier<String> degradation) {
        public Check {
            requireNonNull(name, "name");
            requireNonNull(probe, "probe");
            requireNonNull(degradation, "degradation");
        }

        /** A check that is either up or down. */
        public Check(String name, BooleanSupplier probe) {
            this(name, probe, () -> null);
        }
    }

    /** One check's outcome as JSON shows it, in this key order; {@code detail} only when degraded. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record Result(String name, String status, String detail) {
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
        List<Result> results = checks.stream().map(HealthService::result).toList();
        boolean up = results.stream().noneMatch(r -> r.status().equals("DOWN"));
        boolean degraded = results.stream().anyMatch(r -> r.status().equals("DEGRADED"));
        Map<String, Object> body = new LinkedHashMap<>();
        boolean trusted = access.trusted(req);
        // Degraded still serves (200); only trusted callers learn that it is degraded, and why.
        body.put("status", !up ? "DOWN" : degraded && trusted ? "DEGRADED" : "UP");
        if (trusted) {
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

    private static Result result(Check check) {
        if (!up(check)) {
            return new Result(check.name(), "DOWN", null);
        }
        String why;
        try {
            why = check.degradation().get();
        } catch (RuntimeException e) {
            why = null;
        }
        return why == null ? new Result(check.name(), "UP", null) : new Result(check.name(), "DEGRADED", why);
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
