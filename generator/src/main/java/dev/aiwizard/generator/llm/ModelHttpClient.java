package dev.aiwizard.generator.llm;

import dev.aiwizard.core.retry.RetryAfter;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * LangChain4j's HTTP client contract on the JDK's client, keeping what the library's own client drops: the
 * {@code Retry-After} header of a 429 or 503, so our retries can honour it. Streaming is not used by the bot.
 */
final class ModelHttpClient implements HttpClient {
    private final java.net.http.HttpClient client;
    private final Duration readTimeout;

    private ModelHttpClient(Duration connectTimeout, Duration readTimeout) {
        java.net.http.HttpClient.Builder b = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1);
        if (connectTimeout != null) {
            b.connectTimeout(connectTimeout);
        }
        this.client = b.build();
        this.readTimeout = readTimeout;
    }

    /** A builder LangChain4j's model builders accept ({@code httpClientBuilder(...)}). */
    static HttpClientBuilder builder() {
        return new Builder();
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(URI.create(request.url()));
        request.headers().forEach((name, values) -> values.forEach(v -> b.header(name, v)));
        if (readTimeout != null) {
            b.timeout(readTimeout);
        }
        String body = request.body();
        switch (request.method()) {
            case GET -> b.GET();
            case DELETE -> b.DELETE();
            case POST -> b.POST(body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                    : java.net.http.HttpRequest.BodyPublishers.ofString(body));
        }
        HttpResponse<String> response;
        try {
            response = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the model", e);
        }
        Map<String, List<String>> headers = response.headers().map();
        if (response.statusCode() < 200 || response.statusCode() > 299) {
            throw new ModelHttpException(response.statusCode(), response.body(),
                    RetryAfter.parse(response.headers().firstValue("retry-after").orElse(null), Instant.now())
                            .orElse(null));
        }
        return SuccessfulHttpResponse.builder().statusCode(response.statusCode()).headers(headers)
                .body(response.body()).build();
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        listener.onError(new UnsupportedOperationException("the bot does not stream model answers"));
    }

    private static final class Builder implements HttpClientBuilder {
        private Duration connectTimeout;
        private Duration readTimeout;

        @Override
        public Duration connectTimeout() {
            return connectTimeout;
        }

        @Override
        public HttpClientBuilder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        @Override
        public Duration readTimeout() {
            return readTimeout;
        }

        @Override
        public HttpClientBuilder readTimeout(Duration timeout) {
            this.readTimeout = timeout;
            return this;
        }

        @Override
        public HttpClient build() {
            return new ModelHttpClient(connectTimeout, readTimeout);
        }
    }
}
