package dev.aiwizard.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import dev.aiwizard.core.chat.ChatGateway;
import dev.aiwizard.core.chat.ThreadRef;
import dev.aiwizard.core.testing.ChatGatewayContract;
import dev.aiwizard.slack.testing.FakeSlack;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;

/** The chat port's contract on Slack: the gateway through Slack's own client against a fake of its Web API. */
class SlackGatewayContractTest extends ChatGatewayContract {
    private static final String TOKEN = "xoxb-test-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakeSlack slack = FakeSlack.start(TOKEN);
    private final SlackGateway gateway = connect(slack);

    @AfterEach
    void close() {
        slack.close();
    }

    private static SlackGateway connect(FakeSlack slack) {
        SlackSettings settings = new SlackSettings(TOKEN, "secret", null, URI.create(slack.url()), Duration.ZERO);
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(settings.methodsUrlPrefix());
        return new SlackGateway(Slack.getInstance(config).methods(TOKEN), settings, d -> { }, Clock.systemUTC());
    }

    @Override
    protected ChatGateway gateway() {
        return gateway;
    }

    @Override
    protected ThreadRef openThread() {
        return new ThreadRef(SlackGateway.PLATFORM, "C1", gateway.postRoot("C1", "<@U1> asked for: a todo app"));
    }

    /** The replies in the thread (not its root): their sections' text and their buttons' labels. */
    @Override
    protected List<Shown> shown(ThreadRef thread) {
        return slack.thread(thread.channel(), thread.thread()).stream()
                .filter(m -> thread.thread().equals(m.threadTs())).map(m -> shown(m.blocks())).toList();
    }

    private static Shown shown(String blocks) {
        List<String> sections = new ArrayList<>();
        List<String> buttons = new ArrayList<>();
        try {
            for (JsonNode block : JSON.readTree(blocks)) {
                switch (block.path("type").asText()) {
                    case "section" -> sections.add(block.path("text").path("text").asText());
                    case "actions" -> block.path("elements").forEach(b -> buttons.add(b.path("text").path("text")
                            .asText()));
                    default -> { }
                }
            }
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        return new Shown(sections, buttons);
    }

    @Override
    protected int pieceLimit() {
        return SlackMessages.MAX_SECTION;
    }

    @Override
    protected void refuseNext() {
        slack.failNext("chat.postMessage", 200, Map.of(), "{\"ok\":false,\"error\":\"not_in_channel\"}");
    }
}
