package dev.aiwizard.generator.interview;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

/** The interviewer's wording, read from {@code questions.properties} so it can be reviewed and changed in one place. */
final class Texts {
    private static final String RESOURCE = "questions.properties";

    private final Properties properties = new Properties();

    Texts() {
        try (InputStream in = Texts.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text for {@code key} with each {@code {name}} replaced by its value. */
    String get(String key, Map<String, String> values) {
        String text = properties.getProperty(key);
        if (text == null) {
            throw new IllegalStateException("no text for " + key + " in " + RESOURCE);
        }
        for (var e : values.entrySet()) {
            text = text.replace("{" + e.getKey() + "}", e.getValue());
        }
        return text;
    }

    String get(String key) {
        return get(key, Map.of());
    }

    String get(String key, String name, String value) {
        return get(key, Map.of(name, value));
    }
}
