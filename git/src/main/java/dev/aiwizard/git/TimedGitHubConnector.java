package dev.aiwizard.git;

import static java.util.Objects.requireNonNull;

import dev.aiwizard.core.Telemetry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.kohsuke.github.connector.GitHubConnector;
import org.kohsuke.github.connector.GitHubConnectorRequest;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/**
 * github-api's calls on the JDK's HTTP client with a deadline for each: the connection within
 * {@link GitHubSettings.Timeouts#connect()}, the whole exchange, answer body included, within
 * {@link GitHubSettings.Timeouts#request()}. github-api's own {@code HttpClientGitHubConnector} has no per-call
 * timeout, so a GitHub that accepts the connection and never answers would hold the job for good. Redirects stay
 * with github-api, which drops the token when one leaves the host.
 */
final class TimedGitHubConnector implements GitHubConnector {
    private final HttpClient http;
    private final Duration timeout;
    private final Telemetry telemetry;

    TimedGitHubConnector(GitHubSettings.Timeouts timeouts) {
        this(timeouts, Telemetry.NONE);
    }

    TimedGitHubConnector(GitHubSettings.Timeouts timeouts, Telemetry telemetry) {
        requireNonNull(timeouts, "timeouts");
        this.telemetry = requireNonNull(telemetry, "telemetry");
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeouts.connect()).build();
        this.timeout = timeouts.request();
    }

    @Override
    public GitHubConnectorResponse send(GitHubConnectorRequest request) throws IOException {
        int status = 0;
        try {
            GitHubConnectorResponse response = call(request);
            status = response.statusCode();
            return response;
        } finally {
            telemetry.gitHubCall(status);
        }
    }

    private GitHubConnectorResponse call(GitHubConnectorRequest request) throws IOException {
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder().uri(request.url().toURI()).timeout(timeout);
        } catch (URISyntaxException e) {
            throw new IOException("not a valid GitHub URL: " + request.url(), e);
        }
        for (Map.Entry<String, List<String>> header : request.allHeaders().entrySet()) {
            if (header.getValue() != null) {
                builder.header(header.getKey(), String.join(",", header.getValue()));
            }
        }
        HttpRequest.BodyPublisher body = request.hasBody()
                ? HttpRequest.BodyPublishers.ofByteArray(request.body().readAllBytes())
                : HttpRequest.BodyPublishers.noBody();
        // The whole answer is read within the deadline: a GitHub that sends headers and then stalls is caught too.
        CompletableFuture<HttpResponse<byte[]>> call = http.sendAsync(builder.method(request.method(), body).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        try {
            return new Response(request, call.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            call.cancel(true);
            throw timedOut();
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for GitHub");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof HttpTimeoutException) {
                throw timedOut();
            }
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        }
    }

    private HttpTimeoutException timedOut() {
        return new HttpTimeoutException("GitHub did not answer within " + describe(timeout)
                + " (WIZARD_GITHUB_REQUEST_TIMEOUT_SECONDS)");
    }

    private static String describe(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /** An answer read whole. */
    private static final class Response extends GitHubConnectorResponse.ByteArrayResponse {
        private final byte[] body;

        Response(GitHubConnectorRequest request, HttpResponse<byte[]> response) {
            super(request, response.statusCode(), response.headers().map());
            this.body = response.body();
        }

        @Override
        protected InputStream rawBodyStream() {
            return new ByteArrayInputStream(body == null ? new byte[0] : body);
        }
    }
}
