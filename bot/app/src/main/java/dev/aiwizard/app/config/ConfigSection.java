package dev.aiwizard.app.config;

import io.helidon.config.Config;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One section of the configuration tree ({@code wizard.llm}, {@code wizard.db} ...) with the conversions the
 * settings need. Every key must be in {@code application.yaml}, the one home of defaults, so a missing key is a
 * packaging mistake, not an empty value; a value that does not convert names the environment variable to fix.
 */
final class ConfigSection {
    private final Config node;

    ConfigSection(Config node) {
        this.node = node;
    }

    ConfigSection section(String name) {
        return new ConfigSection(node.get(name));
    }

    String string(String key) {
        Config value = node.get(key);
        return value.asString().orElseThrow(() -> new ConfigException(value.key() + " is missing from "
                + "application.yaml, where every setting has its default")).strip();
    }

    /** The comma-separated entries of {@code key}, stripped, without empty ones. */
    List<String> list(String key) {
        List<String> out = new ArrayList<>();
        for (String entry : string(key).split(",")) {
            if (!entry.isBlank()) {
                out.add(entry.strip());
            }
        }
        return out;
    }

    int integer(String key) {
        long value = longValue(key);
        if (value != (int) value) {
            throw new ConfigException(describe(key) + " is too large: " + value);
        }
        return (int) value;
    }

    long longValue(String key) {
        String value = string(key);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new ConfigException(describe(key) + " must be a whole number, was '" + value + "'");
        }
    }

    Duration seconds(String key) {
        return Duration.ofSeconds(longValue(key));
    }

    boolean bool(String key) {
        String v = string(key).toLowerCase(Locale.ROOT);
        return switch (v) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new ConfigException(describe(key) + " must be true or false, was '" + v + "'");
        };
    }

    /** The environment variable that sets {@code key}, for messages that name what to fix. */
    String name(String key) {
        return EnvironmentVariables.nameOf(node.get(key).key().toString());
    }

    private String describe(String key) {
        return EnvironmentVariables.describe(node.get(key).key().toString());
    }
}
