package dev.ecopulse.maven.client;

import dev.ecopulse.collector.client.RequestPacer;
import dev.ecopulse.collector.client.ThrottleBackoff;
import dev.ecopulse.collector.client.UpstreamMetrics;
import dev.ecopulse.maven.config.MavenConfig;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Reads maven-metadata.xml from the repository, waiting out 429s as the repository asks, within bounds. */
@ApplicationScoped
public class MavenRepository {

    static final String SOURCE = "maven";
    static final String ENDPOINT = "metadata";

    private final MavenRepositoryApi api;
    private final RequestPacer pacer;
    private final ThrottleBackoff throttle;
    private final UpstreamMetrics metrics;
    private final Pause pause;
    private final Duration timeout;

    MavenRepository(MavenConfig config, UpstreamMetrics metrics, Pause pause) {
        this.api = QuarkusRestClientBuilder.newBuilder()
                .baseUri(config.repoUrl())
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.repoTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .build(MavenRepositoryApi.class);
        this.pacer = new RequestPacer(List.of(new RequestPacer.Limit(config.requestsPerSecond(), Duration.ofSeconds(1))));
        this.throttle = new ThrottleBackoff(config.throttleRetries(), config.throttleBackoff(),
                config.throttleMaxWait(), Clock.systemUTC());
        this.metrics = metrics;
        this.pause = pause;
        this.timeout = config.repoTimeout();
    }

    public MetadataLookup metadata(Coordinate coordinate, RequestTally tally) throws InterruptedException {
        for (int throttled = 0; ; ) {
            pacer.acquire();
            tally.sent();
            Response response;
            try {
                response = call(coordinate);
            } catch (ProcessingException e) {
                metrics.record(SOURCE, ENDPOINT, UpstreamMetrics.NO_ANSWER);
                return MetadataLookup.failed(MetadataLookup.Outcome.UNAVAILABLE,
                        "the repository " + NoAnswer.describe(e, timeout));
            }
            Duration wait;
            try (response) {
                int status = response.getStatus();
                metrics.record(SOURCE, ENDPOINT, status);
                if (status == 200) {
                    String body;
                    try {
                        body = response.readEntity(String.class);
                    } catch (ProcessingException e) { // the body broke off or stalled
                        return MetadataLookup.failed(MetadataLookup.Outcome.UNAVAILABLE,
                                "the repository " + NoAnswer.describe(e, timeout));
                    }
                    return read(body, coordinate);
                }
                if (status == 404) {
                    return MetadataLookup.failed(MetadataLookup.Outcome.NOT_FOUND,
                            coordinate + " is not in the repository (maven-metadata.xml answered 404)");
                }
                if (status != 429) {
                    return MetadataLookup.failed(MetadataLookup.Outcome.UNAVAILABLE,
                            "the repository answered HTTP " + status);
                }
                ThrottleBackoff.Step step = throttle.next(++throttled, response.getHeaderString("Retry-After"));
                if (!step.retry()) {
                    return MetadataLookup.failed(MetadataLookup.Outcome.UNAVAILABLE,
                            "the repository " + step.giveUpReason());
                }
                wait = step.delay();
            }
            tally.waiting("waiting " + wait.toMillis() + " ms: the Maven repository answered 429 for " + coordinate);
            pause.sleep(wait);
            tally.resumed();
        }
    }

    private Response call(Coordinate coordinate) {
        try {
            return api.metadata(coordinate.groupPath(), coordinate.artifactId());
        } catch (WebApplicationException e) {
            return e.getResponse();
        }
    }

    private static MetadataLookup read(String body, Coordinate coordinate) {
        try {
            return MetadataLookup.found(MetadataXml.parse(body, coordinate));
        } catch (MalformedAnswerException e) {
            return MetadataLookup.failed(MetadataLookup.Outcome.MALFORMED,
                    "maven-metadata.xml cannot be used: " + e.getMessage());
        }
    }
}
