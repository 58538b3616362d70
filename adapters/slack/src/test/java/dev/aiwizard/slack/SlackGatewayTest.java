package dev.aiwizard.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import dev.aiwizard.core.WizardException;
import dev.aiwizard.core.chat.ThreadRef;
import dev.aiwizard.core.retry.Sleeper;
import dev.aiwizard.core.testing.SettableClock;
import dev.aiwizard.slack.testing.FakeSlack;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway against a fake of Slack's Web API, through Slack's own client: what is Slack's own (rate limits, pacing,
 * its reasons, permalinks); what every gateway does is {@link SlackGatewayContractTest}.
 */
class SlackGatewayTest {
    private static final String TOKEN = "xoxb-test-token";
    private final FakeSlack slack = FakeSlack.start(TOKEN);
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    /** Time passes only while the gateway waits, so what it waits is exact however slow the machine is. */
    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-07T09:00:00Z"));
    private final Sleeper sleeper = d -> {
        waits.add(d);
        clock.advance(d);
    };

    @AfterEach
    void tearDown() {
        slack.close();
    }

    private SlackGateway gateway(Duration interval) {
        SlackSettings settings = new SlackSettings(TOKEN, "secret", null, URI.create(slack.url()), interval);
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(settings.methodsUrlPrefix());
        return new SlackGateway(Slack.getInstance(config).methods(TOKEN), settings, sleeper, clock);
    }

    @Test
    void a429IsWaitedOutAsRetryAfterSaysAndThePostMadeOnce() {
        slack.failNext("chat.postMessage", 429, Map.of("Retry-After", "7"), "{\"ok\":false,\"error\":\"ratelimited\"}");

        gateway(Duration.ZERO).postRoot("C1", "hello");

        assertEquals(List.of(Duration.ofSeconds(7)), waits);
        assertEquals(2, slack.calls("chat.postMessage").size());
        assertEquals(1, slack.messages().size());
    }

    @Test
    void postsInOneChannelAreAtLeastTheIntervalApart() {
        SlackGateway g = gateway(Duration.ofSeconds(1));

        g.postRoot("C1", "one");
        g.postRoot("C1", "two");
        g.postRoot("C2", "elsewhere");

        assertEquals(List.of(Duration.ofSeconds(1)), waits, "only the second post in C1 waits, the whole interval");
    }

    @Test
    void aRefusalIsReportedWithSlacksReason() {
        WizardException e = assertThrows(WizardException.class, () -> new SlackGateway(
                Slack.getInstance(config()).methods("xoxb-wrong"), new SlackSettings(TOKEN, "s", null,
                URI.create(slack.url()), Duration.ZERO), sleeper, clock).postRoot("C1", "x"));

        assertTrue(e.getMessage().contains("invalid_auth"), e.getMessage());
    }

    @Test
    void theThreadLinkIsSlacksPermalink() {
        assertEquals("[the Slack thread](https://acme.slack.example/archives/C1/p1700000000000100)",
                gateway(Duration.ZERO).link(new ThreadRef("slack", "C1", "1700000000.000100")));
    }

    private SlackConfig config() {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slack.url() + "/api/");
        return config;
    }
}
