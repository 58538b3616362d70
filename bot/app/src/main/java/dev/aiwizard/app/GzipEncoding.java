package dev.aiwizard.app;

import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.WritableHeaders;
import io.helidon.http.encoding.ContentDecoder;
import io.helidon.http.encoding.ContentEncoder;
import io.helidon.http.encoding.ContentEncoding;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

/**
 * Gzip for responses, plugged into Helidon's own content encoding: the server picks it when the request's
 * {@code Accept-Encoding} allows it. Helidon's gzip module is not published for 4.1.7, the version this bot is pinned
 * to, so the encoding is the JDK's {@link GZIPOutputStream} behind Helidon's interface. The stream flushes what it has
 * at every flush ({@code syncFlush}), so an event stream's events still leave one by one. Request bodies are not
 * decoded: no client of the bot sends them compressed.
 */
final class GzipEncoding implements ContentEncoding {
    @Override
    public String name() {
        return "gzip";
    }

    @Override
    public String type() {
        return "gzip";
    }

    @Override
    public Set<String> ids() {
        return Set.of("gzip", "x-gzip");
    }

    @Override
    public boolean supportsEncoding() {
        return true;
    }

    @Override
    public boolean supportsDecoding() {
        return false;
    }

    @Override
    public ContentDecoder decoder() {
        throw new UnsupportedOperationException("request bodies are not decoded");
    }

    @Override
    public ContentEncoder encoder() {
        return new ContentEncoder() {
            @Override
            public OutputStream apply(OutputStream network) {
                try {
                    return new GZIPOutputStream(network, true);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void headers(WritableHeaders<?> headers) {
                headers.set(HeaderValues.create(HeaderNames.CONTENT_ENCODING, "gzip"));
                headers.add(HeaderNames.VARY, "Accept-Encoding");
                // The length known before compressing is not the length sent.
                headers.remove(HeaderNames.CONTENT_LENGTH);
            }
        };
    }
}
