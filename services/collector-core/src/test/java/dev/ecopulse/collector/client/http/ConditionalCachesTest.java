package dev.ecopulse.collector.client.http;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ecopulse.collector.client.Fetched;
import dev.ecopulse.collector.client.UpstreamMetrics;
import dev.ecopulse.collector.run.CollectionTarget;
import dev.ecopulse.testsupport.VirtualTime;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Caches sized by the run's targets, written at the end of a run and read back by the next process. */
class ConditionalCachesTest {

    static final ObjectMapper MAPPER = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    static final TypeReference<Fetched<List<Release>>> RELEASES = new TypeReference<>() {
    };
    static final String BODY = "{\"releases\":[\"0.2.4\"]}";

    /** What a client keeps of an answer: a digest with a generic wrapper and a time, as the collectors' are. */
    record Release(String version, Instant releasedAt) {
    }

    @TempDir
    Path dir;

    final WireMockServer wireMock = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    final VirtualTime time = new VirtualTime(Instant.parse("2026-11-28T10:00:00Z"));
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final RecordingRun run = new RecordingRun();

    @BeforeEach
    void start() {
        wireMock.start();
    }

    @AfterEach
    void stop() {
        wireMock.stop();
    }

    @Test
    void aCacheHoldsEveryUrlOfTheRunsTargetsWithHeadroom() {
        assertThat(ConditionalCaches.capacity(100_000, 1, Optional.empty())).isEqualTo(125_000);
        assertThat(ConditionalCaches.capacity(100_000, 8, Optional.empty())).isEqualTo(1_000_000);
        assertThat(ConditionalCaches.capacity(3, 1, Optional.empty())).isEqualTo(ConditionalCaches.MINIMUM);
        assertThat(ConditionalCaches.capacity(100_000, 1, Optional.of(2000))).isEqualTo(2000);
    }

    @Test
    void aRunStartingResizesTheCachesToItsTargets() {
        ConditionalCaches caches = new ConditionalCaches(Optional.empty(), "test-collector", MAPPER);
        ConditionalCache<Fetched<List<Release>>> cache = caches.cache("simple", 2, Optional.empty(), RELEASES);
        ConditionalCache<Fetched<List<Release>>> fixed = caches.cache("fixed", 2, Optional.of(10), RELEASES);
        assertThat(cache.capacity()).as("before any run").isEqualTo(Integer.MAX_VALUE);

        caches.starting(targets(1000));

        assertThat(cache.capacity()).isEqualTo(2500);
        assertThat(fixed.capacity()).isEqualTo(10);
    }

    @Test
    void aSmallerCapacityLetsTheLeastRecentlyUsedAnswersGo() {
        ConditionalCache<String> cache = new ConditionalCache<>(3);
        cache.put(uri("/a"), "\"a\"", "a");
        cache.put(uri("/b"), "\"b\"", "b");
        cache.put(uri("/c"), "\"c\"", "c");
        cache.get(uri("/a"));

        cache.resize(2);

        assertThat(cache.get(uri("/a"))).isPresent();
        assertThat(cache.get(uri("/b"))).isEmpty();
        assertThat(cache.get(uri("/c"))).isPresent();
    }

    @Test
    void aRestartedServiceAnswersA304FromTheEntryItReadBack() throws Exception {
        Path file = dir.resolve("etags/test-collector.json");
        wireMock.stubFor(get(urlEqualTo("/simple/optax/")).withHeader("If-None-Match", absent())
                .willReturn(aResponse().withStatus(200).withHeader("ETag", "\"v1\"").withBody(BODY)));
        wireMock.stubFor(get(urlEqualTo("/simple/optax/")).withHeader("If-None-Match", equalTo("\"v1\""))
                .willReturn(aResponse().withStatus(304)));
        ConditionalCaches before = new ConditionalCaches(Optional.of(file), "test-collector", MAPPER);
        Lookup<Fetched<List<Release>>> first = fetch(before.cache("simple", 1, Optional.empty(), RELEASES));
        before.finished(null);

        ConditionalCaches after = new ConditionalCaches(Optional.of(file), "test-collector", MAPPER);
        ConditionalCache<Fetched<List<Release>>> reloaded = after.cache("simple", 1, Optional.empty(), RELEASES);
        Lookup<Fetched<List<Release>>> second = fetch(reloaded);

        assertThat(second).isEqualTo(first).isInstanceOf(Lookup.Found.class);
        assertThat(((Lookup.Found<Fetched<List<Release>>>) second).value().value())
                .containsExactly(new Release("0.2.4", Instant.parse("2026-11-01T12:00:00Z")));
        wireMock.verify(1, getRequestedFor(urlEqualTo("/simple/optax/")).withHeader("If-None-Match",
                equalTo("\"v1\"")));
        assertThat(file.resolveSibling("test-collector.json.tmp")).doesNotExist();
    }

    @Test
    void aCorruptFileIsIgnoredAndReplacedAfterTheNextRun() throws Exception {
        Path file = dir.resolve("etags.json");
        Files.writeString(file, "{\"format\":\"ecopulse-etag-cache/1\",\"service\":\"test-coll");
        ConditionalCaches caches = new ConditionalCaches(Optional.of(file), "test-collector", MAPPER);

        ConditionalCache<Fetched<List<Release>>> cache = caches.cache("simple", 1, Optional.empty(), RELEASES);
        cache.put(uri("/simple/optax/"), "\"v1\"", Fetched.of(List.of()));
        caches.finished(null);

        assertThat(MAPPER.readTree(file.toFile()).path("caches").path("simple")).hasSize(1);
    }

    @Test
    void aFileOfAnotherServiceOrFormatIsIgnored() throws Exception {
        Path file = savedWithOneAnswer("npm-collector");

        assertThat(simple(file, "pypi-collector").size()).isZero();

        Files.writeString(file, Files.readString(file).replace("ecopulse-etag-cache/1", "ecopulse-etag-cache/0"));
        assertThat(simple(file, "npm-collector").size()).isZero();
    }

    @Test
    void entriesOfAnotherShapeAreIgnoredForTheirCacheOnly() throws Exception {
        Path file = dir.resolve("etags.json");
        Files.writeString(file, """
                {"format":"ecopulse-etag-cache/1","service":"test-collector","caches":{
                  "simple":[{"uri":"http://x/simple/a/","etag":"\\"1\\"","value":{"value":"not a list"}}],
                  "names":[{"uri":"http://x/a","etag":"\\"2\\"","value":"a"}]}}""");
        ConditionalCaches caches = new ConditionalCaches(Optional.of(file), "test-collector", MAPPER);

        assertThat(caches.cache("simple", 1, Optional.empty(), RELEASES).size()).isZero();
        assertThat(caches.cache("names", 1, Optional.empty(), new TypeReference<String>() {
        }).get(URI.create("http://x/a"))).contains(new ConditionalCache.Entry<>("\"2\"", "a"));
    }

    @Test
    void aRunEndingBeforeAClientWasCreatedKeepsThatClientsEntries() throws Exception {
        Path file = savedWithOneAnswer("test-collector");

        ConditionalCaches restarted = new ConditionalCaches(Optional.of(file), "test-collector", MAPPER);
        restarted.cache("other", 1, Optional.empty(), RELEASES);
        restarted.save();

        assertThat(simple(file, "test-collector").get(uri("/simple/optax/"))).isPresent();
    }

    @Test
    void withoutAFileNothingIsWritten() {
        ConditionalCaches caches = new ConditionalCaches(Optional.empty(), "test-collector", MAPPER);
        caches.cache("simple", 1, Optional.empty(), RELEASES).put(uri("/a"), "\"1\"", Fetched.of(List.of()));

        caches.finished(null);

        assertThat(dir).isEmptyDirectory();
    }

    /** A file written by {@code service} with one answer in its cache {@code simple}. */
    private Path savedWithOneAnswer(String service) {
        Path file = dir.resolve("etags.json");
        ConditionalCaches caches = new ConditionalCaches(Optional.of(file), service, MAPPER);
        caches.cache("simple", 1, Optional.empty(), RELEASES).put(uri("/simple/optax/"), "\"v1\"",
                Fetched.of(List.of()));
        caches.save();
        return file;
    }

    /** The cache {@code simple} of a freshly started {@code service} reading {@code file}. */
    private static ConditionalCache<Fetched<List<Release>>> simple(Path file, String service) {
        return new ConditionalCaches(Optional.of(file), service, MAPPER).cache("simple", 1, Optional.empty(), RELEASES);
    }

    private Lookup<Fetched<List<Release>>> fetch(ConditionalCache<Fetched<List<Release>>> cache) throws Exception {
        UpstreamHttp http = Upstreams.create(UpstreamSettings.of("PyPI", "pypi", "ecopulse-test", Duration.ofSeconds(5),
                100), 1 << 20, false, time, new UpstreamMetrics(registry), registry);
        return ConditionalGet.fetch(http, cache, UpstreamRequest.get("simple", uri("/simple/optax/")),
                body -> Fetched.of(List.of(new Release("0.2.4", Instant.parse("2026-11-01T12:00:00Z")))), "PyPI",
                "none", run);
    }

    private URI uri(String path) {
        return URI.create(wireMock.baseUrl() + path);
    }

    private static List<CollectionTarget> targets(int count) {
        return IntStream.range(0, count).mapToObj(i -> new CollectionTarget("p" + i, "s" + i)).toList();
    }
}
