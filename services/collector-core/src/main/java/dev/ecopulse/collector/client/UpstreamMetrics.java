package dev.ecopulse.collector.client;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/** Counts upstream requests by endpoint kind and HTTP status ({@code ecopulse_collector_upstream_requests_total}). */
@ApplicationScoped
public class UpstreamMetrics {

    /** Status used for requests that got no HTTP answer (timeout, connection refused). */
    public static final String NO_ANSWER = "none";

    private final MeterRegistry registry;

    public UpstreamMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** @param endpoint a small fixed set per collector, e.g. {@code graphql}, {@code contributors}, {@code json} */
    public void record(String source, String endpoint, String status) {
        registry.counter("ecopulse.collector.upstream.requests", "source", source, "endpoint", endpoint,
                "status", status).increment();
    }

    public void record(String source, String endpoint, int status) {
        record(source, endpoint, Integer.toString(status));
    }
}
