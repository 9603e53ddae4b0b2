package dev.ecopulse.collector.client.depsdev;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecopulse.collector.client.Fetched;
import dev.ecopulse.collector.client.RetryAfter;
import dev.ecopulse.collector.client.UpstreamMetrics;
import dev.ecopulse.contract.event.DependentCounts;
import dev.ecopulse.contract.event.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * How many packages depend on a package version, from deps.dev (npm, Cargo, Maven and PyPI only). deps.dev omits
 * zero-valued fields, so an absent count is 0; a 429 is waited out as deps.dev asks, a few times at most.
 */
@ApplicationScoped
public class DependentsLookup {

    static final int MAX_ATTEMPTS = 3;

    private final DepsDevApi api;
    private final UpstreamMetrics metrics;
    private final DepsDevConfig config;

    DependentsLookup(@RestClient DepsDevApi api, UpstreamMetrics metrics, DepsDevConfig config) {
        this.api = api;
        this.metrics = metrics;
        this.config = config;
    }

    /**
     * @param source the collector asking, for metrics ({@code pypi}, {@code maven})
     * @param system deps.dev system name ({@code pypi}, {@code maven})
     * @param name package name (Maven: {@code groupId:artifactId})
     */
    public Fetched<DependentCounts> dependents(String source, String system, String name, String version)
            throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            Response response;
            try {
                response = call(system, name, version);
            } catch (ProcessingException e) {
                metrics.record(source, "depsdev", UpstreamMetrics.NO_ANSWER);
                return Fetched.missing("deps.dev did not answer: " + e.getMessage());
            }
            int status = response.getStatus();
            metrics.record(source, "depsdev", status);
            if (status == 200) {
                return parse(response.readEntity(String.class));
            }
            if (status == 404) {
                return Fetched.missing("deps.dev has no dependents data for " + name + " " + version);
            }
            if (status == 429 && attempt < MAX_ATTEMPTS) {
                Duration wait = RetryAfter.parse(response.getHeaderString("Retry-After"), Instant.now())
                        .orElse(config.backoff().multipliedBy(1L << (attempt - 1)));
                if (wait.compareTo(config.maxWait()) > 0) {
                    return Fetched.missing("deps.dev asked to wait " + wait.toSeconds() + " s, longer than allowed");
                }
                Thread.sleep(wait.toMillis());
                continue;
            }
            return Fetched.missing("deps.dev answered HTTP " + status);
        }
    }

    private Response call(String system, String name, String version) {
        try {
            return api.dependents(system, encode(name), encode(version));
        } catch (WebApplicationException e) {
            return e.getResponse();
        }
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
