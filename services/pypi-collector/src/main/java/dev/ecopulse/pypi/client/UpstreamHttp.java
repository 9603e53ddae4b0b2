package dev.ecopulse.pypi.client;

import dev.ecopulse.collector.client.RequestPacer;
import dev.ecopulse.collector.client.ThrottleBackoff;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

/**
 * GET requests to one upstream host, the polite way: a User-Agent naming the collector, never more requests than the
 * host's limits allow (paced, not rejected), ETags sent back, gzip accepted, a 429 waited out (Retry-After, else
 * exponential backoff, bounded) and the same request asked again, one retry after no answer or a 5xx.
 */
public class UpstreamHttp {

    /** Where each request's outcome is counted (endpoint kind, HTTP status or {@code none}). */
    public interface RequestLog {
        void record(String endpoint, String status);
    }

    /** How to talk to one upstream. */
    public record Settings(String name, String userAgent, Duration timeout, Duration retryDelay) {
    }

    static final String NO_ANSWER = "none";

    private final Settings settings;
    private final RequestPacer pacer;
    private final ThrottleBackoff throttle;
    private final WaitClock time;
    private final RequestLog log;
    private final HttpClient http;
    private final AtomicLong sent = new AtomicLong();

    public UpstreamHttp(Settings settings, RequestPacer pacer, ThrottleBackoff throttle, WaitClock time,
            RequestLog log) {
        this.settings = settings;
        this.pacer = pacer;
        this.throttle = throttle;
        this.time = time;
        this.log = log;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** Requests sent so far, retries and 304s included: the run's cost. */
    public long requestsSent() {
        return sent.get();
    }

    /**
     * @param endpoint kind of request, for metrics ({@code json}, {@code simple}, {@code recent}, ...)
     * @param etag the ETag of the copy we hold, sent as {@code If-None-Match}; null for none
     */
    public HttpReply get(String endpoint, URI uri, String accept, String etag) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET().timeout(settings.timeout())
                .header("User-Agent", settings.userAgent())
                .header("Accept", accept)
                .header("Accept-Encoding", "gzip");
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        int throttled = 0;
        boolean retried = false;
        while (true) {
            pacer.acquire();
            sent.incrementAndGet();
            HttpResponse<byte[]> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                log.record(endpoint, NO_ANSWER);
                String reason = settings.name() + " did not answer: " + describe(e);
                if (retried) {
                    return HttpReply.failed(reason, false);
                }
                retried = true;
                time.sleep(settings.retryDelay());
                continue;
            }
            int status = response.statusCode();
            log.record(endpoint, Integer.toString(status));
            if (status == 429) {
                throttled++;
                ThrottleBackoff.Step step = throttle.next(throttled,
                        response.headers().firstValue("Retry-After").orElse(null));
                if (!step.retry()) {
                    return HttpReply.failed(settings.name() + " " + step.giveUpReason(), true);
                }
                time.waitOut(settings.name(), step.delay(), settings.name() + " answered 429 to " + uri.getPath());
                continue;
            }
            if (status >= 500 && !retried) {
                retried = true;
                time.sleep(settings.retryDelay());
                continue;
            }
            String body;
            try {
                body = decode(response);
            } catch (IOException e) {
                return HttpReply.failed(settings.name() + " sent a body that could not be decompressed", false);
            }
            return HttpReply.answered(status, body, response.headers().firstValue("ETag").orElse(null));
        }
    }

    private static String decode(HttpResponse<byte[]> response) throws IOException {
        byte[] bytes = response.body();
        boolean gzip = response.headers().firstValue("Content-Encoding")
                .map(e -> e.trim().equalsIgnoreCase("gzip")).orElse(false);
        if (!gzip) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String describe(IOException e) {
        if (e instanceof HttpTimeoutException) {
            return "timed out";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
