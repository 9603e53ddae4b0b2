package dev.ecopulse.npm.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.ecopulse.collector.testing.TestTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Stubs npm's registry and its download counts API in their real formats and with their real headers. */
public final class UpstreamStubs {

    /** npm's last computed day in the tests: the day before {@link TestTime#START}. */
    public static final LocalDate LAST_DAY = LocalDate.parse("2026-11-27");

    private final WireMockServer wireMock;

    public UpstreamStubs(WireMockServer wireMock) {
        this.wireMock = wireMock;
    }

    /** The registry answers {@code name} with a document of a few stable versions and its downloads with 10 a day. */
    public UpstreamStubs everything(String name) {
        registry(name, registryOk(document(name, "2.1.0", Map.of("1.0.0", Instant.parse("2025-06-02T10:00:00Z"),
                "2.0.0-rc.1", Instant.parse("2026-01-20T10:00:00Z"), "2.0.0", Instant.parse("2026-02-01T10:00:00Z"),
                "2.1.0", Instant.parse("2026-10-01T10:00:00Z")), Set.of(), "\"Apache-2.0\"")));
        return range(name, downloadsOk(rangeBody(name, 10, 7)));
    }

    public UpstreamStubs registry(String name, ResponseDefinitionBuilder answer) {
        wireMock.stubFor(get(urlEqualTo(registryPath(name))).willReturn(answer));
        return this;
    }

    /** A single range query: unscoped or scoped (the scope's slash as is). */
    public UpstreamStubs range(String name, ResponseDefinitionBuilder answer) {
        wireMock.stubFor(get(urlEqualTo(rangePath(name))).willReturn(answer));
        return this;
    }

    /** A bulk range query for {@code names} (in this order); {@code answer} as the whole body. */
    public UpstreamStubs bulk(List<String> names, ResponseDefinitionBuilder answer) {
        wireMock.stubFor(get(urlEqualTo(rangePath(String.join(",", names)))).willReturn(answer));
        return this;
    }

    /** The registry's 404 for a package it does not have. */
    public UpstreamStubs unknown(String name) {
        return registry(name, aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                .withHeader("Server", "cloudflare").withBody("{\"error\":\"Not found\"}"));
    }

    public static ResponseDefinitionBuilder registryOk(String body) {
        return registryOk(body, "\"" + Integer.toHexString(body.hashCode()) + "\"");
    }

    public static ResponseDefinitionBuilder registryOk(String body, String etag) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withHeader("ETag", etag)
                .withHeader("Cache-Control", "public, max-age=300").withHeader("Vary", "accept-encoding, accept")
                .withHeader("Server", "cloudflare").withHeader("CF-Cache-Status", "HIT").withBody(body);
    }

    public static ResponseDefinitionBuilder downloadsOk(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8")
                .withHeader("Access-Control-Allow-Origin", "*").withHeader("Server", "cloudflare")
                .withHeader("CF-Cache-Status", "DYNAMIC").withBody(body);
    }

    /** api.npmjs.org's error form, e.g. 404 "package x not found" or 400 "exceeded max days of 365". */
    public static ResponseDefinitionBuilder downloadsError(int status, String error) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8")
                .withHeader("Server", "cloudflare").withBody("{\"error\":\"" + error + "\"}");
    }

    /** Cloudflare's rate-limit page (error 1015) that api.npmjs.org serves with a 429. */
    public static ResponseDefinitionBuilder cloudflare1015() {
        return aResponse().withStatus(429).withHeader("Content-Type", "text/html; charset=UTF-8")
                .withHeader("Server", "cloudflare").withHeader("CF-RAY", "8e2f4b1c9a3d7e21-FRA")
                .withHeader("Cache-Control", "private, max-age=0, no-store, no-cache, must-revalidate")
                .withBody("""
                        <!DOCTYPE html>
                        <!--[if lt IE 7]> <html class="no-js ie6 oldie" lang="en-US"> <![endif]-->
                        <head>
                        <title>Access denied | api.npmjs.org used Cloudflare to restrict access</title>
                        <meta charset="UTF-8" />
                        </head>
                        <body>
                          <div id="cf-wrapper">
                            <div id="cf-error-details" class="cf-error-details-wrapper">
                              <h1><span class="cf-error-type" data-translate="error">Error</span>
                                <span class="cf-error-code">1015</span></h1>
                              <h2 class="cf-subheadline" data-translate="error_desc">You are being rate limited</h2>
                              <p>The owner of this website (api.npmjs.org) has banned you temporarily from accessing
                                this website.</p>
                            </div>
                          </div>
                        </body>
                        </html>
                        """);
    }

    /**
     * A full registry document: {@code versions} with their times (plus {@code created} and {@code modified}), each
     * with a short manifest; {@code license} as raw JSON.
     */
    public static String document(String name, String latest, Map<String, Instant> versions, Set<String> deprecated,
            String license) {
        String manifests = versions.keySet().stream().sorted().map(v -> """
                "%s": {"name": "%s", "version": "%s", "license": %s, "_id": "%s@%s", "main": "index.js",
                 "dist": {"shasum": "%040x", "tarball": "https://registry.npmjs.org/%s/-/x-%s.tgz"},
                 "dependencies": {"long": "^5.2.3"}, "_npmVersion": "10.8.2"%s}""".formatted(v, name, v, license,
                name, v, Math.abs((long) v.hashCode()), name, v,
                deprecated.contains(v) ? ", \"deprecated\": \"no longer maintained\"" : "")).collect(
                Collectors.joining(",\n"));
        Instant first = versions.values().stream().min(Instant::compareTo).orElse(Instant.EPOCH);
        String times = versions.entrySet().stream().map(e -> "\"" + e.getKey() + "\": \"" + e.getValue() + "\"")
                .collect(Collectors.joining(", "));
        return """
                {"_id": "%s", "_rev": "12-0f1e2d3c4b5a69788796a5b4c3d2e1f0", "name": "%s",
                 "dist-tags": {"latest": "%s"}, "versions": {%s},
                 "time": {"created": "%s", "modified": "2026-11-20T07:03:05.661Z", %s},
                 "maintainers": [{"name": "someone", "email": "someone@example.org"}], "license": %s,
                 "readme": "# %s\\n", "readmeFilename": "README.md"}
                """.formatted(name, name, latest, manifests, first, times, license, name);
    }

    /** A range answer for {@code last-year}: 365 days up to {@link #LAST_DAY}, {@code perDay} each but the last. */
    public static String rangeBody(String name, long perDay, long lastDay) {
        return rangeEntry(name, perDay, lastDay);
    }

    /** A bulk answer: each name's range entry, {@code null} for the names given as unknown. */
    public static String bulkBody(List<String> names, Set<String> unknown) {
        return names.stream().map(n -> "\"" + n + "\":" + (unknown.contains(n) ? "null" : rangeEntry(n, 10, 7)))
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static String rangeEntry(String name, long perDay, long lastDay) {
        LocalDate start = LAST_DAY.minusDays(364);
        String days = start.datesUntil(LAST_DAY.plusDays(1)).map(d -> "{\"downloads\":"
                + (d.equals(LAST_DAY) ? lastDay : perDay) + ",\"day\":\"" + d + "\"}")
                .collect(Collectors.joining(","));
        return "{\"start\":\"" + start + "\",\"end\":\"" + LAST_DAY + "\",\"package\":\"" + name
                + "\",\"downloads\":[" + days + "]}";
    }

    public static String registryPath(String name) {
        return "/" + name.replace("/", "%2F");
    }

    public static String rangePath(String names) {
        return "/downloads/range/last-year/" + names;
    }
}
