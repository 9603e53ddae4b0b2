package dev.ecopulse.testsupport;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** deps.dev answers in its real format: the package's versions with the default one, and a version's dependents. */
public final class DepsDevStubs {

    private DepsDevStubs() {
    }

    /** {@code GET /v3/systems/{system}/packages/{name}}: {@code versions} published in order, {@code def} default. */
    public static void versions(WireMockServer wireMock, String system, String name, String def,
            Instant published, String... others) {
        StringBuilder versions = new StringBuilder();
        for (String other : others) {
            versions.append(version(system, name, other, published.minusSeconds(86_400L * 30), false)).append(',');
        }
        versions.append(version(system, name, def, published, true));
        wireMock.stubFor(get(urlEqualTo(packagePath(system, name))).willReturn(okJson(
                "{\"packageKey\":{\"system\":\"" + system.toUpperCase() + "\",\"name\":\"" + name + "\"},"
                        + "\"versions\":[" + versions + "]}")));
    }

    /** {@code GET /v3alpha/.../versions/{version}:dependents} answering {@code json}. */
    public static void dependents(WireMockServer wireMock, String system, String name, String version, String json) {
        wireMock.stubFor(get(urlEqualTo(dependentsPath(system, name, version))).willReturn(okJson(json)));
    }

    public static String packagePath(String system, String name) {
        return "/v3/systems/" + system + "/packages/" + encode(name);
    }

    public static String dependentsPath(String system, String name, String version) {
        return "/v3alpha/systems/" + system + "/packages/" + encode(name) + "/versions/" + encode(version)
                + ":dependents";
    }

    private static String version(String system, String name, String version, Instant published, boolean isDefault) {
        return "{\"versionKey\":{\"system\":\"" + system.toUpperCase() + "\",\"name\":\"" + name + "\",\"version\":\""
                + version + "\"},\"publishedAt\":\"" + published + "\"" + (isDefault ? ",\"isDefault\":true" : "")
                + "}";
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
