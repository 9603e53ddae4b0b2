package dev.ecopulse.huggingface.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ecopulse.collector.client.UpstreamMetrics;
import dev.ecopulse.collector.client.http.Upstreams;
import dev.ecopulse.huggingface.client.HubClient;
import dev.ecopulse.testsupport.VirtualTime;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;

/** A WireMock Hub and clients of it on virtual time, for tests outside CDI. */
public final class HubFixture implements AutoCloseable {

    /** The day the Hub tests' creation windows are written for. */
    public static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

    public final WireMockServer wireMock = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    public final VirtualTime time = new VirtualTime(START);
    public final HubStubs stubs;

    public HubFixture() {
        wireMock.start();
        stubs = new HubStubs(wireMock);
    }

    public TestConfig config() {
        return TestConfig.of(wireMock.baseUrl());
    }

    public HubClient client(TestConfig config) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        return new HubClient(config, Upstreams.create(HubClient.settings(config), 1 << 20, true, time,
                new UpstreamMetrics(registry), registry), time);
    }

    @Override
    public void close() {
        wireMock.stop();
    }
}
