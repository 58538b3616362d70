package dev.aiwizard.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The Lua scripts Redis runs atomically, kept as resource files next to this class. */
final class Scripts {
    private Scripts() {
    }

    static String load(String name) {
        try (InputStream in = Scripts.class.getResourceAsStream("redis/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource redis/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource redis/" + name, e);
        }
    }
}
