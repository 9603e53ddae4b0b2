package dev.ecopulse.npm.client.downloads;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecopulse.collector.client.RequestPacer;
import dev.ecopulse.collector.client.http.Lookup;
import dev.ecopulse.collector.client.http.UpstreamHttp;
import dev.ecopulse.collector.client.http.UpstreamReply;
import dev.ecopulse.collector.client.http.UpstreamRequest;
import dev.ecopulse.collector.client.http.UpstreamSettings;
import dev.ecopulse.collector.client.http.Upstreams;
import dev.ecopulse.collector.run.RunContext;
import dev.ecopulse.npm.client.JsonDocuments;
import dev.ecopulse.npm.client.PackageNames;
import dev.ecopulse.npm.client.registry.RegistryClient;
import dev.ecopulse.npm.config.NpmConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Daily downloads from api.npmjs.org's range endpoint for {@code last-year}: the 365 days up to npm's last available
 * day, so a day npm has not computed yet is never asked for. One answer gives the daily series and the last day, week,
 * month and year. Unscoped names are asked in bulk (comma-separated, at most 128); a scoped name is asked alone, as npm
 * refuses scoped names in bulk. Requests are paced to one per {@code downloads-interval}; 429s are waited out.
 */
@ApplicationScoped
public class DownloadsClient {

    static final String SOURCE = "npm's download counts";
    /** npm's own period: the last 365 available days (a range query may not exceed 365 days). */
    static final String PERIOD = "last-year";
    public static final int MAX_BULK = 128;

    private final String baseUrl;
    private final UpstreamHttp http;

    DownloadsClient(NpmConfig config, Upstreams upstreams) {
        this.baseUrl = RegistryClient.trimSlash(config.downloadsUrl());
        this.http = upstreams.client(UpstreamSettings.of("npm downloads", "npm", config.userAgent(), config.timeout(),
                1)
                .withLimits(List.of(new RequestPacer.Limit(1, config.downloadsInterval())))
                .withThrottle(config.throttleRetries(), config.throttleBackoff(), config.throttleMaxWait())
                .withRetries(1, config.throttleBackoff()));
    }

    /** One package, scoped or not: {@code /downloads/range/last-year/<name>}, a scope's slash as is. */
    public Lookup<DownloadHistory> range(String name, RunContext run) throws InterruptedException {
        UpstreamReply reply = http.send(request("range", name), run);
        if (!reply.answered()) {
            return new Lookup.Failed<>(reply.failure(), reply.throttled());
        }
        if (reply.status() == 404) {
            return new Lookup.NotFound<>(noCounts(name, reply));
        }
        if (reply.status() != 200) {
            return new Lookup.Failed<>(refused(reply), false);
        }
        return DownloadDocuments.single(JsonDocuments.object(reply.body()).orElse(null))
                .<Lookup<DownloadHistory>>map(Lookup.Found::new)
                .orElseGet(() -> new Lookup.Failed<>(SOURCE + " sent a malformed range answer", false));
    }

    /**
     * Unscoped packages in one bulk query; a single name is asked alone (npm answers a one-name "bulk" query in the
     * single form). Every name gets a lookup: found, without counts (JSON {@code null}), or failed with the reason.
     *
     * @param names 1 to 128 unscoped names
     */
    public Map<String, Lookup<DownloadHistory>> bulk(List<String> names, RunContext run) throws InterruptedException {
        if (names.isEmpty() || names.size() > MAX_BULK || names.stream().anyMatch(PackageNames::scoped)) {
            throw new IllegalArgumentException("a bulk query takes 1 to " + MAX_BULK + " unscoped names: " + names);
        }
        Map<String, Lookup<DownloadHistory>> lookups = new LinkedHashMap<>();
        if (names.size() == 1) {
            lookups.put(names.get(0), range(names.get(0), run));
            return lookups;
        }
        UpstreamReply reply = http.send(request("bulk-range", String.join(",", names)), run);
        Lookup<DownloadHistory> failure = null;
        Optional<Map<String, JsonNode>> entries = Optional.empty();
        if (!reply.answered()) {
            failure = new Lookup.Failed<>(reply.failure(), reply.throttled());
        } else if (reply.status() != 200) {
            failure = new Lookup.Failed<>(refused(reply), false);
        } else {
            entries = DownloadDocuments.bulk(reply.body(), names);
            if (entries.isEmpty()) {
                failure = new Lookup.Failed<>(SOURCE + " sent a malformed bulk answer", false);
            }
        }
        for (String name : names) {
            lookups.put(name, failure != null ? failure : entry(name, entries.get().get(name)));
        }
        return lookups;
    }

    private static Lookup<DownloadHistory> entry(String name, JsonNode node) {
        if (node == null) {
            return new Lookup.Failed<>(SOURCE + " left '" + name + "' out of the bulk answer", false);
        }
        if (node.isNull()) {
            return new Lookup.NotFound<>(SOURCE + " list nothing for '" + name + "' (null in the bulk answer)");
        }
        return DownloadDocuments.single(node).<Lookup<DownloadHistory>>map(Lookup.Found::new)
                .orElseGet(() -> new Lookup.Failed<>(SOURCE + " sent a malformed entry for '" + name + "'", false));
    }

    private UpstreamRequest request(String endpoint, String names) {
        return UpstreamRequest.get(endpoint, URI.create(baseUrl + "/downloads/range/" + PERIOD + "/" + names))
                .header("Accept", "application/json");
    }

    private static String noCounts(String name, UpstreamReply reply) {
        String error = JsonDocuments.error(reply.body());
        return SOURCE + " have no data for '" + name + "'" + (error == null ? "" : " (" + error + ")");
    }

    /** The status with npm's {@code error} text, e.g. 400 "exceeded max days of 365". */
    private static String refused(UpstreamReply reply) {
        String error = JsonDocuments.error(reply.body());
        return SOURCE + " answered HTTP " + reply.status() + (error == null ? "" : ": " + error);
    }
}
