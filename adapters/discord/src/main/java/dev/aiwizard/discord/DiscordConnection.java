package dev.aiwizard.discord;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.WizardException;
import java.util.EnumSet;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.ChunkingFilter;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import net.dv8tion.jda.api.utils.MemberCachePolicy;

/**
 * Opens the bot's gateway sessions: a JDA {@link ShardManager} running the configured shards (all of them when none
 * are named), with JDA's own rate limiting, reconnects and zlib-compressed gateway. The REST base and the gateway can
 * be pointed elsewhere (a proxy, a test fake). Caches are kept small: channels and threads (needed to post), no
 * member lists, no presences.
 */
public final class DiscordConnection {
    private DiscordConnection() {
    }

    /** The intents the bot asks for: guild messages and DMs, and Message Content when {@code settings} want it. */
    public static EnumSet<GatewayIntent> intents(DiscordSettings settings) {
        EnumSet<GatewayIntent> intents = EnumSet.of(GatewayIntent.GUILD_MESSAGES, GatewayIntent.DIRECT_MESSAGES);
        if (settings.messageContent()) {
            intents.add(GatewayIntent.MESSAGE_CONTENT);
        }
        return intents;
    }

    /** Starts the shards with {@code listener}; returns at once, sessions come up in the background. */
    public static ShardManager start(DiscordSettings settings, Object listener) {
        return start(settings, listener, (status, took) -> { });
    }

    /**
     * {@link #start(DiscordSettings, Object)}, telling {@code acks} how long each interaction took to be answered
     * (see {@link InteractionAcks}).
     */
    public static ShardManager start(DiscordSettings settings, Object listener, InteractionAcks.Acknowledgements acks) {
        return start(settings, acks, requireNonNull(listener, "listener"));
    }

    /**
     * {@link #start(DiscordSettings, Object, InteractionAcks.Acknowledgements)} with several listeners (the bot's,
     * one per role).
     */
    public static ShardManager start(DiscordSettings settings, InteractionAcks.Acknowledgements acks,
                                     Object... listeners) {
        requireNonNull(settings, "settings");
        DefaultShardManagerBuilder b = DefaultShardManagerBuilder.createLight(settings.botToken(), intents(settings))
                .setRestConfig(new RestConfig().setBaseUrl(settings.restBase()))
                .setSessionController(new Sessions(settings))
                .setCompression(Compression.ZLIB)
                .setMemberCachePolicy(MemberCachePolicy.NONE)
                .setChunkingFilter(ChunkingFilter.NONE)
                // In this order: the timing notes an interaction's arrival before the bot's listener gets it.
                .addEventListeners(new InteractionAcks(acks))
                .addEventListeners(listeners);
        if (settings.shardTotal() > 0) {
            b.setShardsTotal(settings.shardTotal());
        }
        if (!settings.shards().isEmpty()) {
            b.setShards(settings.shards());
        }
        try {
            return b.build();
        } catch (InvalidTokenException e) {
            throw refusedToken();
        } catch (ErrorResponseException e) {
            if (e.getResponse() != null && e.getResponse().code == 401) {
                throw refusedToken();
            }
            throw new WizardException("cannot connect to Discord at " + settings.restBase() + ": " + e.getMessage(),
                    e);
        } catch (RuntimeException e) {
            throw new WizardException("cannot connect to Discord at " + settings.restBase() + ": " + e.getMessage(),
                    e);
        }
    }

    private static WizardException refusedToken() {
        return new WizardException("Discord refused DISCORD_BOT_TOKEN (401 Unauthorized): copy the bot's token again "
                + "from the Developer Portal (Bot > Reset Token)");
    }

    /** Waits until every shard of {@code shards} is connected (tests, and start-up checks). */
    public static void awaitReady(ShardManager shards) throws InterruptedException {
        // Shards start one after another (Discord allows one IDENTIFY per five seconds per bucket).
        while (shards.getShardsQueued() > 0) {
            Thread.sleep(50);
        }
        for (JDA jda : shards.getShards()) {
            jda.awaitReady();
        }
    }

    /** JDA's session controller with the configured gateway instead of the one {@code GET /gateway/bot} names. */
    private static final class Sessions extends ConcurrentSessionController {
        private final DiscordSettings settings;

        Sessions(DiscordSettings settings) {
            this.settings = settings;
        }

        @Override
        public String getGateway() {
            return settings.gatewayUrl() == null ? super.getGateway() : settings.gatewayUrl().toString();
        }

        @Override
        public ShardedGateway getShardedGateway(JDA api) {
            if (settings.gatewayUrl() == null) {
                return super.getShardedGateway(api);
            }
            return new ShardedGateway(settings.gatewayUrl().toString(), settings.shardTotal());
        }
    }
}
