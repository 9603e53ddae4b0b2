package dev.ecopulse.pypi.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.ecopulse.testsupport.DepsDevStubs;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

/** Stubs PyPI, pypistats and deps.dev for a package, with the fixtures in their real formats. */
public final class UpstreamStubs {

    public static final String SIMPLE_JSON = "application/vnd.pypi.simple.v1+json";

    private final WireMockServer wireMock;

    public UpstreamStubs(WireMockServer wireMock) {
        this.wireMock = wireMock;
    }

    /** Every upstream answers for {@code name} as it does for the fixture package {@code fixture}. */
    public UpstreamStubs everything(String name, String fixture, String latestVersion) {
        return json(name, okJson(as(name, fixture, "pypi/" + fixture + ".json")))
                .simple(name, okJson(as(name, fixture, "simple/" + fixture + ".json")))
                .recent(name, okJson(as(name, "optax", "pypistats/optax-recent.json")))
                .overall(name, okJson(as(name, "optax", "pypistats/optax-overall.json")))
                .dependents(name, latestVersion, okJson(Fixtures.read("depsdev/optax.json")));
    }

    public UpstreamStubs json(String name, ResponseDefinitionBuilder answer) {
        wireMock.stubFor(get(urlEqualTo(jsonPath(name))).willReturn(answer));
        return this;
    }

    public UpstreamStubs simple(String name, ResponseDefinitionBuilder answer) {
        wireMock.stubFor(get(urlEqualTo(simplePath(name))).withHeader("Accept", equalTo(SIMPLE_JSON))
                .willReturn(answer.withHeader("Content-Type", SIMPLE_JSON)));
        return this;
    }

    public UpstreamStubs recent(String name, ResponseDefinitionBuilder answer) {
        wireMock.stubFor(get(urlEqualTo(recentPath(name))).willReturn(answer));
        return this;
    }

    public UpstreamStubs overall(String name, ResponseDefinitionBuilder answer) {
        wireMock.stubFor(get(urlEqualTo(overallPath(name))).willReturn(answer));
        return this;
    }

    /** deps.dev: {@code version} is the package's default version, analysed long ago, answering {@code answer}. */
    public UpstreamStubs dependents(String name, String version, ResponseDefinitionBuilder answer) {
        DepsDevStubs.versions(wireMock, "pypi", name, version, Instant.parse("2025-01-10T00:00:00Z"));
        wireMock.stubFor(get(urlEqualTo(dependentsPath(name, version))).willReturn(answer));
        return this;
    }

    /** A package PyPI does not know: its JSON API answers 404 like PyPI does. */
    public UpstreamStubs unknown(String name) {
        return json(name, aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                .withBody("{\"message\": \"Not Found\"}"));
    }

    /** pypistats' answer for a package without data. */
    public static ResponseDefinitionBuilder pypistatsNotFound() {
        return aResponse().withStatus(404).withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody("<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n");
    }

    /** Flask-Limiter's answer when pypistats' limit is hit. */
    public static ResponseDefinitionBuilder tooManyRequests() {
        return aResponse().withStatus(429).withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody("<!doctype html>\n<html lang=en>\n<title>429 Too Many Requests</title>\n"
                        + "<h1>Too Many Requests</h1>\n<p>30 per 1 minute</p>\n");
    }

    /**
     * A Simple API project page (PEP 691 JSON, API 1.4) listing one wheel per version, uploaded at the given times,
     * none yanked: for histories the fixtures do not have.
     */
    public static String simplePage(String name, Map<String, Instant> versions) {
        String wheel = name.replace('-', '_');
        String files = versions.entrySet().stream().map(v -> """
                {"core-metadata": false, "data-dist-info-metadata": false, "filename": "%s-%s-py3-none-any.whl",
                 "hashes": {"sha256": "%064x"}, "provenance": null, "requires-python": ">=3.9", "size": 1024,
                 "upload-time": "%s", "url": "https://files.pythonhosted.org/packages/%s-%s-py3-none-any.whl",
                 "yanked": false}""".formatted(wheel, v.getKey(), v.getKey().hashCode() & 0xffffffffL, v.getValue(),
                wheel, v.getKey())).collect(Collectors.joining(",\n"));
        String list = versions.keySet().stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(", "));
        return """
                {"alternate-locations": [], "files": [%s], "meta": {"_last-serial": 26046316, "api-version": "1.4"},
                 "name": "%s", "project-status": {"status": "active"}, "versions": [%s]}""".formatted(files, name,
                list);
    }

    public static String jsonPath(String name) {
        return "/pypi/" + name + "/json";
    }

    public static String simplePath(String name) {
        return "/simple/" + name + "/";
    }

    public static String recentPath(String name) {
        return "/api/packages/" + name + "/recent";
    }

    public static String overallPath(String name) {
        return "/api/packages/" + name + "/overall?mirrors=false";
    }

    public static String dependentsPath(String name, String version) {
        return "/v3alpha/systems/pypi/packages/" + name + "/versions/" + version + ":dependents";
    }

    /** The fixture of {@code fixture} renamed: file names take the wheel spelling ({@code tf_keras}). */
    private static String as(String name, String fixture, String path) {
        String text = Fixtures.read(path);
        return fixture.equals(name) ? text : text.replace(fixture, name.replace('-', '_'))
                .replace("\"name\": \"" + name.replace('-', '_') + "\"", "\"name\": \"" + name + "\"");
    }
}
