package dev.ecopulse.collector.client.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One HTTP exchange, bounded: a deadline for all of it (redirects, headers and the whole body: a trickling upstream
 * is cut off), a byte cap on the body as sent and as inflated, redirects followed here so that credentials never go to
 * another origin, and credentials only over https unless insecure transport is allowed for tests.
 */
final class BoundedExchange {

    /** No HTTP answer usable; {@code retryable} for timeouts and broken connections. */
    static final class NoAnswerException extends Exception {
        final boolean retryable;

        NoAnswerException(String reason, boolean retryable) {
            super(reason);
            this.retryable = retryable;
        }
    }

    static final int MAX_REDIRECTS = 5;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final HttpClient client;
    private final Duration timeout;
    private final long maxBody;
    private final boolean allowInsecure;
    private final String userAgent;

    BoundedExchange(Duration timeout, long maxBody, boolean allowInsecure, String userAgent) {
        this.timeout = timeout;
        this.maxBody = maxBody;
        this.allowInsecure = allowInsecure;
        this.userAgent = userAgent;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    UpstreamReply exchange(UpstreamRequest request, Instant receivedAt) throws NoAnswerException,
            InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI uri = request.uri();
        String origin = origin(uri);
        String method = request.method();
        String body = request.body();
        String authorization = request.authorization();
        for (int hops = 0; ; hops++) {
            if (authorization != null && !"https".equalsIgnoreCase(uri.getScheme()) && !allowInsecure) {
                throw new NoAnswerException("not asked: credentials go only over https, and " + uri.getScheme() + "://"
                        + uri.getHost() + " is not (ecopulse.upstream.allow-insecure is for tests)", false);
            }
            HttpResponse<byte[]> response = send(build(request, uri, method, body, authorization, deadline), deadline);
            int status = response.statusCode();
            String location = response.headers().firstValue("Location").orElse(null);
            if (!REDIRECTS.contains(status) || location == null || hops >= MAX_REDIRECTS) {
                return UpstreamReply.answered(status, headers(response), text(response), receivedAt);
            }
            URI next = uri.resolve(location.trim());
            if (!origin.equals(origin(next))) {
                authorization = null; // never hand the token to another host, nor over a downgraded scheme
            }
            if (status == 303 || (status <= 302 && "POST".equals(method))) {
                method = "GET";
                body = null;
            }
            uri = next;
        }
    }

    private HttpRequest build(UpstreamRequest request, URI uri, String method, String body, String authorization,
            long deadline) throws NoAnswerException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(remaining(deadline))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("User-Agent", userAgent)
                .header("Accept-Encoding", "gzip");
        request.headers().forEach(builder::header);
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder.build();
    }

    private HttpResponse<byte[]> send(HttpRequest request, long deadline) throws NoAnswerException,
            InterruptedException {
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request, CappedBody.handler(maxBody));
        try {
            return future.get(remaining(deadline).toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true); // aborts the exchange: the trickle stops here
            throw new NoAnswerException("did not answer within " + seconds(timeout), true);
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            throw failure(e.getCause());
        }
    }

    private String text(HttpResponse<byte[]> response) throws NoAnswerException {
        boolean gzip = response.headers().firstValue("Content-Encoding")
                .map(e -> e.trim().equalsIgnoreCase("gzip")).orElse(false);
        if (!gzip) {
            return new String(response.body(), StandardCharsets.UTF_8);
        }
        try {
            return new String(CappedBody.gunzip(response.body(), maxBody), StandardCharsets.UTF_8);
        } catch (CappedBody.TooLargeException e) {
            throw new NoAnswerException("sent " + e.getMessage(), false);
        } catch (IOException e) {
            throw new NoAnswerException("sent a body that could not be decompressed", false);
        }
    }

    private NoAnswerException failure(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof CappedBody.TooLargeException tooLarge) {
                return new NoAnswerException("sent " + tooLarge.getMessage(), false);
            }
            if (t instanceof HttpTimeoutException) {
                return new NoAnswerException("did not answer within " + seconds(timeout), true);
            }
        }
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return new NoAnswerException("did not answer: " + root.getClass().getSimpleName()
                + (message == null ? "" : " (" + message + ")"), true);
    }

    private Duration remaining(long deadline) throws NoAnswerException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new NoAnswerException("did not answer within " + seconds(timeout), true);
        }
        return Duration.ofNanos(left);
    }

    private static Map<String, String> headers(HttpResponse<?> response) {
        Map<String, String> headers = new LinkedHashMap<>();
        response.headers().map().forEach((name, values) -> headers.merge(name.toLowerCase(Locale.ROOT),
                String.join(", ", values), (a, b) -> a + ", " + b));
        return headers;
    }

    private static String origin(URI uri) {
        String scheme = Objects.toString(uri.getScheme(), "").toLowerCase(Locale.ROOT);
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
        return scheme + "://" + Objects.toString(uri.getHost(), "").toLowerCase(Locale.ROOT) + ":" + port;
    }

    static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
