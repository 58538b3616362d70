package dev.aiwizard.storage;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.StorageException;
import dev.aiwizard.core.access.ApiTokenStore;
import dev.aiwizard.core.access.WebSessionStore;
import dev.aiwizard.core.chat.Inbox;
import dev.aiwizard.core.coordination.Coordination;
import dev.aiwizard.core.conversation.ConversationStore;
import dev.aiwizard.core.job.GenerationCache;
import dev.aiwizard.core.job.JobStore;
import dev.aiwizard.core.job.UsageLedger;
import dev.aiwizard.core.request.JobRequestLog;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.dbclient.DbClient;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The bot's durable storage: opens the database named by {@link StorageSettings}, brings its schema up to date and
 * hands out the conversation and job stores, the generation cache, the usage ledger, the personal API tokens and
 * the job request log. Every call is bounded by the
 * {@linkplain StorageSettings.Timeouts timeouts} and fails with a {@link StorageException} when the database is down
 * or stalls; the same instance works again once the database is back. Close it to release the connection pool.
 */
public final class Storage implements AutoCloseable {
    private static final String STATEMENTS = "dev/aiwizard/storage/statements.yaml";

    private final DbClient db;
    private final DatabaseUrl url;
    private final ConversationStore conversations;
    private final JobStore jobs;
    private final GenerationCache generationCache;
    private final UsageLedger usageLedger;
    private final DbInbox inbox;
    private final ApiTokenStore apiTokens;
    private final WebSessionStore webSessions;
    private final JobRequestLog jobRequests;

    private Storage(DbClient db, DatabaseUrl url) {
        this.db = db;
        this.url = url;
        this.conversations = new DbConversationStore(db, Clock.systemUTC());
        this.jobs = new DbJobStore(db);
        this.generationCache = new DbGenerationCache(db, Clock.systemUTC());
        this.usageLedger = new DbUsageLedger(db);
        this.inbox = new DbInbox(db, Clock.systemUTC(), url.isPostgres());
        this.apiTokens = new DbApiTokenStore(db);
        this.webSessions = new DbWebSessionStore(db);
        this.jobRequests = new DbJobRequestLog(db);
    }

    /**
     * Opens the database, applying pending schema migrations first.
     *
     * @throws StorageException when the database cannot be reached or its schema not migrated; the message says
     *                          where it looked and why it failed, never the password
     */
    public static Storage open(StorageSettings settings) {
        requireNonNull(settings, "settings");
        DatabaseUrl url = DatabaseUrl.of(settings.url()).withTimeouts(settings.timeouts());
        SchemaMigrations.run(url, settings);
        try {
            return new Storage(DbClient.builder(config(url, settings).get("db"))
                    .mapperProvider(new StorageMappers())
                    .build(), url);
        } catch (RuntimeException e) {
            throw new StorageException(Secrets.hide("Cannot open a connection pool to the database at " + url + ": "
                    + Secrets.rootMessage(e) + ". Check WIZARD_DB_URL.", settings.password()), e);
        }
    }

    /** Conversations, their messages and audit trails. */
    public ConversationStore conversations() {
        return conversations;
    }

    /** Jobs and the files they produced. */
    public JobStore jobs() {
        return jobs;
    }

    /** Projects already generated, by the content hash of everything that shaped them. */
    public GenerationCache generationCache() {
        return generationCache;
    }

    /** The model usage of every job, for budgets that hold across restarts and replicas. */
    public UsageLedger usageLedger() {
        return usageLedger;
    }

    /** Personal API tokens, by their hashes. */
    public ApiTokenStore apiTokens() {
        return apiTokens;
    }

    /** The web pages' sessions, by the hash of their cookie. */
    public WebSessionStore webSessions() {
        return webSessions;
    }

    /** Which conversations job requests started, for answering identical ones from the earlier. */
    public JobRequestLog jobRequests() {
        return jobRequests;
    }

    /**
     * What replicas agree on: in process for one node when {@code redisUrl} is empty, otherwise Redis with this
     * database as the fallback while Redis is unreachable (also when it is at start-up: the bot starts degraded).
     */
    public Coordination coordination(String redisUrl) {
        requireNonNull(redisUrl, "redisUrl");
        if (redisUrl.isBlank()) {
            return new InProcessCoordination();
        }
        return coordination(redisUrl, "wizard:", ResilientCoordination.RETRY_EVERY);
    }

    /**
     * {@link #coordination(String)} with every Redis key under {@code prefix} (tests share one Redis) and Redis asked
     * again {@code retryEvery} after it failed.
     */
    ResilientCoordination coordination(String redisUrl, String prefix, Duration retryEvery) {
        RedisUrl where = RedisUrl.parse(redisUrl);
        return new ResilientCoordination(RedisCoordination.lazy(redisUrl, prefix), where.toString(),
                new DbLocks(db, Clock.systemUTC()), retryEvery);
    }

    /** Chat events acknowledged and not yet handled. */
    public Inbox inbox() {
        return inbox;
    }

    /** Whether the database answers a trivial query now (for readiness checks); never throws. */
    public boolean ping() {
        try (var rows = db.execute().createNamedQuery("ping").execute()) {
            return rows.findFirst().isPresent();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Where the data lives, for start-up banners and logs: {@code PostgreSQL at 127.0.0.1:5432/test}. */
    public String describe() {
        return url.describe();
    }

    @Override
    public void close() {
        inbox.close();
        db.close();
    }

    private static Config config(DatabaseUrl url, StorageSettings settings) {
        Map<String, String> db = new HashMap<>();
        db.put("db.source", "jdbc");
        db.put("db.connection.url", url.jdbcUrl());
        db.put("db.connection.username", settings.user());
        db.put("db.connection.password", settings.password());
        // The remaining connection keys go to Hikari.
        db.put("db.connection.poolName", "wizard-db");
        db.put("db.connection.maximumPoolSize", Integer.toString(settings.poolSize()));
        db.put("db.connection.minimumIdle", Integer.toString(Math.min(2, settings.poolSize())));
        // A turn, a readiness probe or a job step waiting for a connection gets an error in bounded time when the
        // database is gone; a pooled connection that died with it is noticed by the validation and replaced, so the
        // pool recovers by itself once the database is back.
        db.put("db.connection.connectionTimeout", Long.toString(settings.timeouts().connect().toMillis()));
        db.put("db.connection.validationTimeout", Long.toString(settings.timeouts().validation().toMillis()));
        return Config.builder()
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .addSource(ConfigSources.create(db))
                .addSource(ConfigSources.classpath(STATEMENTS))
                .build();
    }
}
