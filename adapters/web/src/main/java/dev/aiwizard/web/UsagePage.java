package dev.aiwizard.web;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.job.ModelUsage;
import dev.aiwizard.core.job.UsageLedger;
import dev.aiwizard.core.job.UsageTotal;
import dev.aiwizard.web.view.UsageView;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Model usage and cost per person and model ({@code /admin/usage}, admins only), over the last {@code ?days=} days
 * (30 unless asked), from the usage ledger, costed at the price table of the model cost metric.
 */
final class UsagePage {
    static final int DEFAULT_DAYS = 30;
    static final int MAX_DAYS = 366;

    private final UsageLedger ledger;
    private final JobParts.Prices prices;
    private final Clock clock;
    private final Pages pages;

    UsagePage(UsageLedger ledger, JobParts.Prices prices, Clock clock, Pages pages) {
        this.ledger = requireNonNull(ledger, "ledger");
        this.prices = requireNonNull(prices, "prices");
        this.clock = requireNonNull(clock, "clock");
        this.pages = requireNonNull(pages, "pages");
    }

    /** The page, for {@link AdminPages} to put behind its admins-only check. */
    void show(Visit visit, ServerRequest req, ServerResponse res) {
        int days = days(req.query().first("days").orElse(""));
        List<UsageTotal> totals = ledger.totals(clock.instant().truncatedTo(ChronoUnit.DAYS)
                .minus(Duration.ofDays(days - 1L)));
        List<UsageView.Row> rows = new ArrayList<>();
        Map<String, ModelUsage> perPerson = new LinkedHashMap<>();
        Map<String, Double> costPerPerson = new LinkedHashMap<>();
        double total = 0;
        for (UsageTotal t : totals) {
            Optional<Double> cost = prices.cost(t.model(), t.usage());
            rows.add(new UsageView.Row(t.userId(), t.model(), t.usage().calls(), count(t.usage().inputTokens()),
                    count(t.usage().outputTokens()), cost.map(UsagePage::dollars).orElse("not priced")));
            perPerson.merge(t.userId(), t.usage(), ModelUsage::plus);
            costPerPerson.merge(t.userId(), cost.orElse(0d), Double::sum);
            total += cost.orElse(0d);
        }
        List<UsageView.Row> people = perPerson.entrySet().stream().map(e -> new UsageView.Row(e.getKey(), "all",
                e.getValue().calls(), count(e.getValue().inputTokens()), count(e.getValue().outputTokens()),
                dollars(costPerPerson.get(e.getKey())))).toList();
        pages.render(res, "usage.jte", pages.layout("Model usage", visit, req), "usage",
                new UsageView(days, rows, people, dollars(total)));
    }

    private static int days(String asked) {
        try {
            return Math.clamp(Integer.parseInt(asked.strip()), 1, MAX_DAYS);
        } catch (NumberFormatException e) {
            return DEFAULT_DAYS;
        }
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String dollars(double usd) {
        return String.format(Locale.ROOT, "$%,.4f", usd);
    }
}
