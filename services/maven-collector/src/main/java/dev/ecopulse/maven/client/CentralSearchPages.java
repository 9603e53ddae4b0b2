package dev.ecopulse.maven.client;

import dev.ecopulse.collector.client.RequestPacer;
import dev.ecopulse.collector.client.UpstreamMetrics;
import dev.ecopulse.maven.config.MavenConfig;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * Asks Central search for one page of an artifact's versions. Search is known to hang silently, so every attempt is
 * cut at {@code ecopulse.maven.search-timeout} and a failed page is asked again a bounded number of times.
 */
@ApplicationScoped
public class CentralSearchPages {

    static final String ENDPOINT = "search";

    private final CentralSearchApi api;
    private final RequestPacer pacer;
    private final UpstreamMetrics metrics;
    private final Duration timeout;

    CentralSearchPages(MavenConfig config, UpstreamMetrics metrics) {
        this.api = QuarkusRestClientBuilder.newBuilder()
                .baseUri(config.searchUrl())
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.searchTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .build(CentralSearchApi.class);
        this.pacer = new RequestPacer(List.of(new RequestPacer.Limit(config.requestsPerSecond(), Duration.ofSeconds(1))));
        this.metrics = metrics;
        this.timeout = config.searchTimeout();
    }

    /** Retry settings can be changed with {@code quarkus.fault-tolerance."<this class>/page".retry.*}. */
    @Retry(maxRetries = 2, delay = 1000, jitter = 200,
            retryOn = SearchUnavailableException.class)
    public SearchPage page(Coordinate coordinate, int start, int rows, RequestTally tally)
            throws SearchUnavailableException, MalformedAnswerException, InterruptedException {
        pacer.acquire();
        tally.sent();
        Response response;
        try {
            response = call(coordinate, start, rows);
        } catch (ProcessingException e) {
            metrics.record(MavenRepository.SOURCE, ENDPOINT, UpstreamMetrics.NO_ANSWER);
            throw new SearchUnavailableException("Central search " + NoAnswer.describe(e, timeout));
        }
        try (response) {
            int status = response.getStatus();
            metrics.record(MavenRepository.SOURCE, ENDPOINT, status);
            if (status != 200) {
                throw new SearchUnavailableException("Central search answered HTTP " + status);
            }
            String body;
            try {
                body = response.readEntity(String.class);
            } catch (ProcessingException e) {
                throw new SearchUnavailableException("Central search " + NoAnswer.describe(e, timeout));
            }
            try {
                return SearchPage.parse(body, coordinate);
            } catch (MalformedAnswerException e) {
                throw new MalformedAnswerException("Central search answered something unusable: " + e.getMessage());
            }
        }
    }

    private Response call(Coordinate coordinate, int start, int rows) {
        try {
            return api.select(coordinate.searchQuery(), "gav", rows, start, "json");
        } catch (WebApplicationException e) {
            return e.getResponse();
        }
    }
}
