package dev.aiwizard.core.job;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;

/** One generated text file: a relative path with forward slashes, and its content. */
public record GeneratedFile(String path, String content) {
    public GeneratedFile {
        requireNonNull(path, "path");
        requireNonNull(content, "content");
    }

    /** The size in bytes when written as UTF-8. */
    public int size() {
        return content.getBytes(StandardCharsets.UTF_8).length;
    }
}
