package dev.ecopulse.pypi.service;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ecopulse.collector.run.CollectionTarget;
import dev.ecopulse.collector.testing.RecordingRun;
import dev.ecopulse.collector.testing.TestTime;
import dev.ecopulse.contract.event.MissingSignal;
import dev.ecopulse.contract.event.PypiObservation;
import dev.ecopulse.contract.event.SubjectStatus;
import dev.ecopulse.pypi.client.pypistats.PypistatsClient;
import dev.ecopulse.pypi.support.UpstreamStubs;
import dev.ecopulse.testsupport.InjectWireMock;
import dev.ecopulse.testsupport.VirtualTime;
import dev.ecopulse.testsupport.WireMockResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A hostile PyPI or pypistats costs the package those signals, never the heap or the run's time. */
@QuarkusTest
@WithTestResource(value = WireMockResource.class, initArgs = @ResourceArg(name = WireMockResource.PROPERTIES_ARG,
        value = "ecopulse.pypi.url,ecopulse.pypistats.url,ecopulse.depsdev.url"))
class HostileUpstreamIT {

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    PackageObserver observer;

    @Inject
    VirtualTime time;

    @Inject
    PypistatsClient pypistats;

    UpstreamStubs stubs;

    @BeforeEach
    void reset() {
        wireMock.resetAll();
        TestTime.reset(time);
        pypistats.forgetAnswers();
        stubs = new UpstreamStubs(wireMock);
    }

    @Test
    void aGzipBombFromTheJsonApiIsRefusedAndThePackageStillObserved() throws Exception {
        stubs.everything("optax", "optax", "0.2.8").json("optax", aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withHeader("Content-Encoding", "gzip")
                .withBody(gzipBomb(64 << 20)));

        PypiObservation o = observe();

        assertThat(o.status()).isEqualTo(SubjectStatus.FOUND);
        assertThat(o.pypi().releaseCount()).isEqualTo(16);
        assertThat(o.missing()).contains(new MissingSignal("pypi.latestVersion", "PyPI sent a body that inflates to"
                + " larger than the 1048576 bytes allowed (ecopulse.upstream.max-body-size)"));
    }

    @Test
    void anOversizedSimplePageIsRefused() throws Exception {
        stubs.everything("optax", "optax", "0.2.8").simple("optax", aResponse().withStatus(200)
                .withBody("{\"files\":[" + "{},".repeat(600_000) + "{}]}"));

        PypiObservation o = observe();

        assertThat(o.status()).isEqualTo(SubjectStatus.FOUND);
        assertThat(o.pypi().latestVersion()).isEqualTo("0.2.8");
        assertThat(o.pypi().releaseCount()).as("from the JSON API's releases instead").isNotNull();
    }

    @Test
    void aTricklingPypistatsIsCutOffAtItsDeadline() throws Exception {
        stubs.everything("optax", "optax", "0.2.8").recent("optax", aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"data\":{\"last_day\":1" + " ".repeat(2_000) + "}}").withChunkedDribbleDelay(40, 20_000));
        long started = System.nanoTime();

        PypiObservation o = observe();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("two attempts of 2 s, not 2 × 20 s")
                .isLessThan(Duration.ofSeconds(12));
        assertThat(o.pypistats().lastDay()).isNull();
        assertThat(o.missing()).contains(new MissingSignal("pypistats.lastDay",
                "pypistats did not answer within 2 s"));
    }

    private PypiObservation observe() throws InterruptedException {
        return observer.observe(new CollectionTarget("optax", "optax"), new RecordingRun(List.of()), null)
                .observation();
    }

    private static byte[] gzipBomb(int inflatedBytes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            byte[] zeros = new byte[1 << 20];
            for (int written = 0; written < inflatedBytes; written += zeros.length) {
                out.write(zeros);
            }
        }
        return bytes.toByteArray();
    }
}
