package dev.ecopulse.collector.client.depsdev;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecopulse.collector.client.Fetched;
import dev.ecopulse.collector.client.http.UpstreamHttp;
import dev.ecopulse.collector.client.http.UpstreamReply;
import dev.ecopulse.collector.client.http.UpstreamRequest;
import dev.ecopulse.collector.client.http.UpstreamSettings;
import dev.ecopulse.collector.client.http.Upstreams;
import dev.ecopulse.collector.run.Collector;
import dev.ecopulse.collector.run.RunContext;
import dev.ecopulse.contract.event.DependentCounts;
import dev.ecopulse.contract.event.EventJson;
import dev.ecopulse.contract.time.TimeSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * How many packages depend on a package, from deps.dev (npm, Cargo, Maven and PyPI only): the counts of the version
 * deps.dev marks as the package's default ({@code isDefault}), not of the latest one, so that a fresh release does
 * not drop the count to nothing. A version deps.dev has not analysed yet gives no count (missing, with the reason),
 * never 0.
 */
@ApplicationScoped
public class DependentsLookup {

    private final UpstreamHttp http;
    private final String baseUrl;
    private final DepsDevConfig config;
    private final TimeSource time;

    DependentsLookup(Upstreams upstreams, DepsDevConfig config, Collector collector) {
        this.http = upstreams.client(new UpstreamSettings("deps.dev", collector.source().id(), config.userAgent(),
                config.timeout(), List.of(), 2, config.backoff(), config.maxWait(), 1, config.backoff(), false));
        this.baseUrl = config.url().endsWith("/") ? config.url().substring(0, config.url().length() - 1)
                : config.url();
        this.config = config;
        this.time = upstreams.time();
    }

    /**
     * @param system deps.dev system name ({@code pypi}, {@code maven})
     * @param name package name (Maven: {@code groupId:artifactId})
     */
    public Fetched<DependentCounts> dependents(String system, String name, RunContext run)
            throws InterruptedException {
        UpstreamReply packageReply = http.send(UpstreamRequest.get("depsdev",
                URI.create(baseUrl + "/v3/systems/" + system + "/packages/" + encode(name)))
                .header("Accept", "application/json"), run);
        Fetched<PackageVersions.Version> version = failure(packageReply, "deps.dev does not know " + name);
        if (version == null) {
            version = PackageVersions.defaultVersion(packageReply.body(), name);
        }
        if (version.value() == null) {
            return Fetched.missing(version.missingReason());
        }
        PackageVersions.Version chosen = version.value();
        UpstreamReply reply = http.send(UpstreamRequest.get("depsdev", URI.create(baseUrl + "/v3alpha/systems/"
                + system + "/packages/" + encode(name) + "/versions/" + encode(chosen.version()) + ":dependents"))
                .header("Accept", "application/json"), run);
        String notAnalysed = "deps.dev has not analysed the dependents of " + name + " " + chosen.version()
                + " (its default version) yet";
        Fetched<DependentCounts> failed = failure(reply, notAnalysed);
        if (failed != null) {
            return failed;
        }
        Fetched<DependentCounts> counts = parse(reply.body());
        if (counts.value() != null && counts.value().equals(EMPTY) && recent(chosen)) {
            return Fetched.missing(notAnalysed);
        }
        return counts;
    }

    private static final DependentCounts EMPTY = new DependentCounts(0L, 0L);

    /** An empty answer for a version younger than the grace period is no news yet, not a zero. */
    private boolean recent(PackageVersions.Version version) {
        return version.publishedAt() == null
                || Duration.between(version.publishedAt(), time.now()).compareTo(config.analysisGrace()) < 0;
    }

    /** Null when {@code reply} is a 200; else why there is nothing to read. */
    private static <T> Fetched<T> failure(UpstreamReply reply, String notFound) {
        if (!reply.answered()) {
            return Fetched.missing(reply.failure());
        }
        if (reply.status() == 404) {
            return Fetched.missing(notFound);
        }
        if (reply.status() != 200) {
            return Fetched.missing("deps.dev answered HTTP " + reply.status());
        }
        return null;
    }

    static Fetched<DependentCounts> parse(String body) {
        try {
            JsonNode json = EventJson.mapper().readTree(body);
            if (json == null || !json.isObject()) {
                return Fetched.missing("deps.dev answered something that is not a JSON object");
            }
            Long direct = count(json, "directDependentCount");
            Long total = count(json, "dependentCount");
            if (direct == null || total == null) {
                return Fetched.missing("deps.dev answered a non-numeric dependent count");
            }
            return Fetched.of(new DependentCounts(direct, total));
        } catch (IOException e) {
            return Fetched.missing("deps.dev answered malformed JSON");
        }
    }

    /** Proto3 JSON leaves zero counts out; a present value must be a non-negative whole number. */
    private static Long count(JsonNode json, String field) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return 0L;
        }
        if (node.canConvertToExactIntegral() && node.asLong() >= 0) {
            return node.asLong();
        }
        if (node.isTextual() && node.asText().matches("\\d{1,18}")) {
            return Long.parseLong(node.asText()); // proto3 JSON may quote 64-bit integers
        }
        return null;
    }

    static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
