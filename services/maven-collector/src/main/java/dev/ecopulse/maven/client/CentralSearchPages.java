package dev.ecopulse.maven.client;

import dev.ecopulse.collector.client.http.UpstreamHttp;
import dev.ecopulse.collector.client.http.UpstreamReply;
import dev.ecopulse.collector.client.http.UpstreamRequest;
import dev.ecopulse.collector.client.http.UpstreamSettings;
import dev.ecopulse.collector.client.http.Upstreams;
import dev.ecopulse.collector.run.RunContext;
import dev.ecopulse.maven.config.MavenConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Asks Central search for one page of an artifact's versions. Search is known to hang silently, so every attempt is
 * cut at {@code ecopulse.maven.search-timeout} and a page that timed out or answered 5xx is asked again a bounded
 * number of times.
 */
@ApplicationScoped
public class CentralSearchPages {

    static final String ENDPOINT = "search";

    private final UpstreamHttp http;
    private final String base;

    CentralSearchPages(MavenConfig config, Upstreams upstreams) {
        this.http = upstreams.client(UpstreamSettings.of("Central search", MavenRepository.SOURCE,
                config.userAgent(), config.searchTimeout(), config.requestsPerSecond())
                .withThrottle(config.throttleRetries(), config.throttleBackoff(), config.throttleMaxWait())
                .withRetries(config.searchRetries(), config.searchRetryDelay()));
        String url = config.searchUrl().toString();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public SearchPage page(Coordinate coordinate, int start, int rows, RunContext run)
            throws SearchUnavailableException, MalformedAnswerException, InterruptedException {
        URI uri = URI.create(base + "/solrsearch/select?q=" + encode(coordinate.searchQuery()) + "&core=gav&rows="
                + rows + "&start=" + start + "&wt=json");
        UpstreamReply reply = http.send(UpstreamRequest.get(ENDPOINT, uri).header("Accept", "application/json"), run);
        String attempts = " (" + reply.attempts() + (reply.attempts() == 1 ? " attempt)" : " attempts)");
        if (!reply.answered()) {
            throw new SearchUnavailableException(reply.failure() + attempts);
        }
        if (reply.status() != 200) {
            throw new SearchUnavailableException("Central search answered HTTP " + reply.status() + attempts);
        }
        try {
            return SearchPage.parse(reply.body(), coordinate);
        } catch (MalformedAnswerException e) {
            throw new MalformedAnswerException("Central search answered something unusable: " + e.getMessage());
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
