package dev.aiwizard.storage;

import dev.aiwizard.core.StorageException;
import java.net.URI;
import java.net.URISyntaxException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

/** A {@code redis://} URL: checked, shown without its password, and used to explain why Redis did not answer. */
record RedisUrl(URI uri) {

    static RedisUrl parse(String url) {
        try {
            URI uri = new URI(url);
            boolean redis = "redis".equals(uri.getScheme()) || "rediss".equals(uri.getScheme());
            if (redis && uri.getHost() != null) {
                return new RedisUrl(uri);
            }
        } catch (URISyntaxException e) {
            // Reported below, the same way as a URL of the wrong kind.
        }
        throw new IllegalArgumentException("the Redis URL must look like redis://host:6379, not "
                + DatabaseUrl.redact(url));
    }

    /** The exception to throw when Redis failed to answer at start-up. */
    StorageException unreachable(JedisException e) {
        String why = Secrets.rootMessage(e);
        String message = e instanceof JedisDataException
                ? "Redis at " + this + " refused the connection: " + why + ". Check the password in WIZARD_REDIS_URL."
                : "Cannot reach Redis at " + this + ": " + why + ". Check WIZARD_REDIS_URL.";
        return new StorageException(Secrets.hide(message, password()), e);
    }

    private String password() {
        String info = uri.getUserInfo();
        return info == null ? "" : info.substring(info.indexOf(':') + 1);
    }

    @Override
    public String toString() {
        return DatabaseUrl.redact(uri.toString());
    }
}
