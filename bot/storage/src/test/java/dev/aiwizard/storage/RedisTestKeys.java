package dev.aiwizard.storage;

import java.net.URI;
import java.util.List;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/** The test Redis ({@code WIZARD_TEST_REDIS_URL}), which tests share under key prefixes of their own. */
final class RedisTestKeys {
    static final String URL = System.getenv().getOrDefault("WIZARD_TEST_REDIS_URL", "redis://127.0.0.1:6379");

    private RedisTestKeys() {
    }

    /** Deletes every key under {@code prefix}, so a test leaves the shared Redis as it found it. */
    static void deleteUnder(String prefix) {
        try (JedisPooled redis = new JedisPooled(URI.create(URL))) {
            String cursor = ScanParams.SCAN_POINTER_START;
            do {
                ScanResult<String> page = redis.scan(cursor, new ScanParams().match(prefix + "*").count(500));
                List<String> keys = page.getResult();
                if (!keys.isEmpty()) {
                    redis.del(keys.toArray(String[]::new));
                }
                cursor = page.getCursor();
            } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
        }
    }
}
