package dev.aiwizard.storage;

import static java.util.Objects.requireNonNull;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A JDBC URL understood well enough to describe it to people, hide its secrets and find its schema. */
final class DatabaseUrl {
    private static final Pattern USER_INFO = Pattern.compile("//[^/@?;]*@");
    private static final Pattern PASSWORD = Pattern.compile("(?i)(password)=[^;&]*");
    private static final List<String> H2_FLAG_NAMES = List.of("MODE", "DATABASE_TO_LOWER", "DEFAULT_NULL_ORDERING");

    private final String jdbcUrl;
    private final boolean postgres;
    /** The URL as the operator wrote it (plus H2's flags), without the timeouts added for connecting. */
    private final String shown;

    private DatabaseUrl(String jdbcUrl, boolean postgres, String shown) {
        this.jdbcUrl = jdbcUrl;
        this.postgres = postgres;
        this.shown = shown;
    }

    /** The URL of {@code url}, with the flags the stores need added to an H2 URL that lacks them. */
    static DatabaseUrl of(String url) {
        requireNonNull(url, "url");
        if (url.startsWith("jdbc:postgresql:")) {
            return new DatabaseUrl(url, true, url);
        }
        StringBuilder h2 = new StringBuilder(url);
        String upper = url.toUpperCase(Locale.ROOT);
        for (String flag : StorageSettings.H2_FLAGS.substring(1).split(";")) {
            String name = flag.substring(0, flag.indexOf('='));
            if (H2_FLAG_NAMES.contains(name) && !upper.contains(";" + name + "=")) {
                h2.append(';').append(flag);
            }
        }
        return new DatabaseUrl(h2.toString(), false, h2.toString());
    }

    /**
     * The same database, connected with {@code timeouts}: for PostgreSQL the driver's connect, login and socket
     * timeouts and the server's {@code statement_timeout}, each unless the URL already sets it (the operator's own
     * value wins). They are in the URL rather than in pool properties so that the schema check and Flyway, which
     * connect without the pool, get them too. An embedded H2 database runs in this process and needs none.
     */
    DatabaseUrl withTimeouts(StorageSettings.Timeouts timeouts) {
        requireNonNull(timeouts, "timeouts");
        if (!postgres) {
            return this;
        }
        Map<String, String> add = new LinkedHashMap<>();
        add.put("connectTimeout", Long.toString(timeouts.connect().toSeconds()));
        add.put("loginTimeout", Long.toString(timeouts.connect().toSeconds()));
        add.put("socketTimeout", Long.toString(timeouts.socket().toSeconds()));
        add.put("options", URLEncoder.encode("-c statement_timeout=" + timeouts.statement().toMillis(),
                StandardCharsets.UTF_8).replace("+", "%20"));
        Set<String> present = parameterNames();
        StringBuilder url = new StringBuilder(jdbcUrl);
        add.forEach((name, value) -> {
            if (!present.contains(name.toLowerCase(Locale.ROOT))) {
                url.append(url.indexOf("?") < 0 ? '?' : '&').append(name).append('=').append(value);
            }
        });
        return new DatabaseUrl(url.toString(), true, shown);
    }

    private Set<String> parameterNames() {
        int query = jdbcUrl.indexOf('?');
        if (query < 0) {
            return Set.of();
        }
        return Arrays.stream(jdbcUrl.substring(query + 1).split("&"))
                .map(p -> (p.indexOf('=') < 0 ? p : p.substring(0, p.indexOf('='))).toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
    }

    /** {@code url} without user names or passwords, safe in logs and messages. */
    static String redact(String url) {
        if (url == null) {
            return "";
        }
        return PASSWORD.matcher(USER_INFO.matcher(url).replaceAll("//")).replaceAll("$1=***");
    }

    String jdbcUrl() {
        return jdbcUrl;
    }

    boolean isPostgres() {
        return postgres;
    }

    /** The PostgreSQL schema named by {@code currentSchema}, if any. */
    Optional<String> schema() {
        if (!postgres || jdbcUrl.indexOf('?') < 0) {
            return Optional.empty();
        }
        return Arrays.stream(jdbcUrl.substring(jdbcUrl.indexOf('?') + 1).split("&"))
                .filter(p -> p.toLowerCase(Locale.ROOT).startsWith("currentschema="))
                .map(p -> URLDecoder.decode(p.substring(p.indexOf('=') + 1), StandardCharsets.UTF_8).split(",")[0].strip())
                .filter(s -> !s.isEmpty())
                .findFirst();
    }

    /** Where the data lives, in words: {@code PostgreSQL at 127.0.0.1:5432/test} or {@code embedded H2 at data/wizard}. */
    String describe() {
        if (postgres) {
            String rest = redact(shown).substring("jdbc:postgresql:".length());
            rest = rest.startsWith("//") ? rest.substring(2) : "localhost/" + rest;
            int query = rest.indexOf('?');
            String where = query < 0 ? rest : rest.substring(0, query);
            return "PostgreSQL at " + where + schema().map(s -> " (schema " + s + ")").orElse("");
        }
        String rest = redact(shown).substring("jdbc:h2:".length());
        int settings = rest.indexOf(';');
        String where = settings < 0 ? rest : rest.substring(0, settings);
        if (where.startsWith("mem:")) {
            return "in-memory H2 " + where.substring("mem:".length());
        }
        if (where.startsWith("tcp:") || where.startsWith("ssl:")) {
            return "H2 server at " + where.substring(4);
        }
        return "embedded H2 at " + (where.startsWith("file:") ? where.substring("file:".length()) : where);
    }

    @Override
    public String toString() {
        return redact(shown);
    }
}
