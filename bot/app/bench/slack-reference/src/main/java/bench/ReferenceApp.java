package bench;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.jetty.SlackAppServer;
import com.slack.api.model.event.MessageEvent;

/**
 * Bolt on its own Jetty server, acknowledging every message event and doing nothing else: what the bot's ack time is
 * compared with. Usage: {@code ReferenceApp <port> <Web API base URL>}; token and secret from SLACK_BOT_TOKEN and
 * SLACK_SIGNING_SECRET.
 */
public final class ReferenceApp {
    private ReferenceApp() {
    }

    public static void main(String[] args) throws Exception {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(args[1] + "/api/");
        App app = new App(AppConfig.builder().singleTeamBotToken(System.getenv("SLACK_BOT_TOKEN"))
                .signingSecret(System.getenv("SLACK_SIGNING_SECRET")).slack(Slack.getInstance(config))
                .authTestCacheEnabled(true).build());
        app.event(MessageEvent.class, (payload, ctx) -> ctx.ack());
        new SlackAppServer(app, "/slack/events", Integer.parseInt(args[0])).start();
    }
}
