package dev.ecopulse.collector.client.http;

import dev.ecopulse.collector.client.UpstreamMetrics;
import dev.ecopulse.contract.time.TimeSource;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Locale;

/** Hands out an {@link UpstreamHttp} per upstream, each bound by {@code ecopulse.upstream.*} and the one clock. */
@ApplicationScoped
public class Upstreams {

    private final UpstreamConfig config;
    private final TimeSource time;
    private final UpstreamMetrics metrics;
    private final MeterRegistry registry;

    Upstreams(UpstreamConfig config, TimeSource time, UpstreamMetrics metrics, MeterRegistry registry) {
        this.config = config;
        this.time = time;
        this.metrics = metrics;
        this.registry = registry;
    }

    public UpstreamHttp client(UpstreamSettings settings) {
        return create(settings, config.maxBodySize().asLongValue(), config.allowInsecure(), time,
                metrics, registry);
    }

    public TimeSource time() {
        return time;
    }

    /** For tests outside CDI. */
    public static UpstreamHttp create(UpstreamSettings settings, long maxBody, boolean allowInsecure,
            TimeSource time, UpstreamMetrics metrics, MeterRegistry registry) {
        String upstream = settings.name().toLowerCase(Locale.ROOT);
        return new UpstreamHttp(settings, maxBody, allowInsecure, time, new UpstreamHttp.Meter() {
            @Override
            public void request(String endpoint, String status) {
                metrics.record(settings.source(), endpoint, status);
            }

            @Override
            public void throttleWait(Duration wait) {
                registry.timer("ecopulse.collector.upstream.throttle.waits", "source", settings.source(),
                        "upstream", upstream).record(wait);
            }
        });
    }
}
