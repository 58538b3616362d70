package dev.aiwizard.slack;

import static java.util.Objects.requireNonNull;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.request.chat.ChatGetPermalinkRequest;
import com.slack.api.methods.request.chat.ChatPostEphemeralRequest;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.request.chat.ChatUpdateRequest;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import dev.aiwizard.core.WizardException;
import dev.aiwizard.core.chat.BotMessage;
import dev.aiwizard.core.chat.ChatGateway;
import dev.aiwizard.core.chat.MessageRef;
import dev.aiwizard.core.chat.ThreadRef;
import dev.aiwizard.core.chat.UserRef;
import dev.aiwizard.core.retry.RetryAfter;
import dev.aiwizard.core.retry.RetryPolicy;
import dev.aiwizard.core.retry.Sleeper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Posts and edits the bot's messages in Slack threads with the Web API: Block Kit with buttons, a fallback text, at
 * most one post per second in a channel, and a 429 answered by waiting what {@code Retry-After} says (a second
 * when it says nothing readable, at most a minute) before trying again, four attempts in all. Thread-safe.
 */
public final class SlackGateway implements ChatGateway {
    public static final String PLATFORM = "slack";
    private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);
    /** Only a 429 is tried again, and Slack always says how long to wait, so the backoff is only a fallback. */
    private static final RetryPolicy RATE_LIMITED = new RetryPolicy(4, DEFAULT_RETRY_AFTER, MAX_RETRY_AFTER);

    private final MethodsClient slack;
    private final SlackSettings settings;
    private final Sleeper sleeper;
    private final Clock clock;
    private final Map<String, Instant> lastPost = new ConcurrentHashMap<>();

    public SlackGateway(MethodsClient slack, SlackSettings settings, Sleeper sleeper, Clock clock) {
        this.slack = requireNonNull(slack, "slack");
        this.settings = requireNonNull(settings, "settings");
        this.sleeper = requireNonNull(sleeper, "sleeper");
        this.clock = requireNonNull(clock, "clock");
    }

    @Override
    public String platform() {
        return PLATFORM;
    }

    @Override
    public MessageRef post(ThreadRef thread, BotMessage message) {
        ChatPostMessageResponse r = postIn(thread.channel(), thread.thread(), message);
        return new MessageRef(thread, r.getTs());
    }

    /** Posts a new top-level message in {@code channel} (a conversation's root) and returns its timestamp. */
    public String postRoot(String channel, String text) {
        return postIn(channel, null, BotMessage.text(text)).getTs();
    }

    @Override
    public void update(MessageRef ref, BotMessage message) {
        call("chat.update", () -> slack.chatUpdate(ChatUpdateRequest.builder().channel(ref.thread().channel())
                .ts(ref.messageId()).text(SlackMessages.fallback(message)).blocks(SlackMessages.blocks(message))
                .build()));
    }

    /** A message only {@code user} sees, in {@code thread}. */
    public void ephemeral(ThreadRef thread, String user, String text) {
        call("chat.postEphemeral", () -> slack.chatPostEphemeral(ChatPostEphemeralRequest.builder()
                .channel(thread.channel()).threadTs(thread.thread()).user(user).text(text).build()));
    }

    @Override
    public void whisper(ThreadRef thread, UserRef user, BotMessage message) {
        ephemeral(thread, user.id(), message.text());
    }

    @Override
    public String mention(UserRef user) {
        return "<@" + user.id() + ">";
    }

    @Override
    public String startHint() {
        return "/wizard <idea>";
    }

    @Override
    public String link(ThreadRef thread) {
        try {
            String url = call("chat.getPermalink", () -> slack.chatGetPermalink(ChatGetPermalinkRequest.builder()
                    .channel(thread.channel()).messageTs(thread.thread()).build())).getPermalink();
            return url == null ? ChatGateway.super.link(thread) : "[the Slack thread](" + url + ")";
        } catch (WizardException e) {
            return ChatGateway.super.link(thread);
        }
    }

    private ChatPostMessageResponse postIn(String channel, String threadTs, BotMessage message) {
        pace(channel);
        return call("chat.postMessage", () -> slack.chatPostMessage(ChatPostMessageRequest.builder().channel(channel)
                .threadTs(threadTs).text(SlackMessages.fallback(message)).blocks(SlackMessages.blocks(message))
                .unfurlLinks(false).build()));
    }

    /** Keeps the bot's posts in one channel at least {@link SlackSettings#postInterval()} apart. */
    private void pace(String channel) {
        Duration wait;
        synchronized (lastPost) {
            Instant now = clock.instant();
            Instant next = lastPost.getOrDefault(channel, Instant.MIN.plusSeconds(1)).plus(settings.postInterval());
            Instant slot = next.isAfter(now) ? next : now;
            lastPost.put(channel, slot);
            wait = Duration.between(now, slot);
        }
        sleep(wait);
    }

    private interface Call<T> {
        T run() throws IOException, SlackApiException;
    }

    private <T extends SlackApiTextResponse> T call(String method, Call<T> call) {
        try {
            return RATE_LIMITED.call(sleeper, () -> attempt(method, call), g -> new WizardException("Slack answered "
                    + method + " with HTTP 429", g.last().getCause()));
        } catch (InterruptedException e) {
            throw interrupted();
        }
    }

    private <T extends SlackApiTextResponse> T attempt(String method, Call<T> call) {
        try {
            T r = call.run();
            if (!r.isOk()) {
                throw new WizardException("Slack refused " + method + ": " + r.getError());
            }
            return r;
        } catch (SlackApiException e) {
            if (e.getResponse().code() == 429) {
                Duration asked = RetryAfter.parse(e.getResponse().header("Retry-After"), clock.instant())
                        .orElse(DEFAULT_RETRY_AFTER);
                throw new RetryPolicy.TryAgain("Slack is rate limiting " + method + " (429)",
                        asked.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : asked, e);
            }
            throw new WizardException("Slack answered " + method + " with HTTP " + e.getResponse().code(), e);
        } catch (IOException e) {
            throw new WizardException("could not reach Slack for " + method + ": " + e.getMessage(), e);
        }
    }

    private void sleep(Duration d) {
        if (d.isZero() || d.isNegative()) {
            return;
        }
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            throw interrupted();
        }
    }

    private static WizardException interrupted() {
        Thread.currentThread().interrupt();
        return new WizardException("interrupted while waiting to post to Slack");
    }
}
