package dev.ecopulse.maven.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ecopulse.testsupport.DepsDevStubs;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import dev.ecopulse.maven.client.Coordinate;
import dev.ecopulse.maven.client.VersionRelease;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The three upstreams in their real formats: maven-metadata.xml on repo1, Central search (Solr), deps.dev. */
public final class MavenStubs {

    /** The repository lives under this path, as on repo1.maven.org. */
    public static final String REPO_ROOT = "/maven2";

    private MavenStubs() {
    }

    public static String metadataPath(Coordinate c) {
        return REPO_ROOT + "/" + c.groupPath() + "/" + c.artifactId() + "/maven-metadata.xml";
    }

    public static String metadataXml(Coordinate c, String release, String lastUpdated, List<String> versions) {
        String list = versions.stream().map(v -> "      <version>" + v + "</version>")
                .collect(Collectors.joining("\n"));
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <metadata>
                  <groupId>%s</groupId>
                  <artifactId>%s</artifactId>
                  <versioning>
                    <latest>%s</latest>
                    <release>%s</release>
                    <versions>
                %s
                    </versions>
                    <lastUpdated>%s</lastUpdated>
                  </versioning>
                </metadata>
                """.formatted(c.groupId(), c.artifactId(), release, release, list, lastUpdated);
    }

    public static void metadata(WireMockServer wm, Coordinate c, String xml) {
        wm.stubFor(get(urlEqualTo(metadataPath(c)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(xml)));
    }

    /** A {@code core=gav} answer: one document per version, newest first as Central sorts them. */
    public static String searchJson(Coordinate c, long numFound, int start, int rows, List<VersionRelease> docs) {
        String list = docs.stream().map(r -> """
                {"id":"%s:%s","g":"%s","a":"%s","v":"%s","p":"aar","timestamp":%d,"ec":[".pom",".aar","-sources.jar"],"tags":["android"]}"""
                .formatted(c, r.version(), c.groupId(), c.artifactId(), r.version(), r.releasedAt().toEpochMilli()))
                .collect(Collectors.joining(","));
        return """
                {"responseHeader":{"status":0,"QTime":3,"params":{"q":"%s","core":"gav","indent":"off",
                "fl":"id,g,a,v,p,ec,timestamp,tags","start":"%d","sort":"score desc,timestamp desc,g asc,a asc,v desc",
                "rows":"%d","wt":"json","version":"2.2"}},"response":{"numFound":%d,"start":%d,"docs":[%s]}}"""
                .formatted(c.searchQuery().replace("\"", "\\\""), start, rows, numFound, start, list);
    }

    /** The search request for one page of {@code c}'s versions. */
    public static MappingBuilder searchRequest(Coordinate c, int start) {
        return get(urlPathEqualTo("/solrsearch/select")).withQueryParam("q", equalTo(c.searchQuery()))
                .withQueryParam("core", equalTo("gav")).withQueryParam("wt", equalTo("json"))
                .withQueryParam("start", equalTo(Integer.toString(start)));
    }

    /** Serves {@code releases} (newest first) in pages of at most {@code served} documents, whatever rows asks. */
    public static void search(WireMockServer wm, Coordinate c, List<VersionRelease> releases, int served) {
        List<VersionRelease> newestFirst = new ArrayList<>(releases);
        newestFirst.sort((x, y) -> y.releasedAt().compareTo(x.releasedAt()));
        for (int start = 0; start < newestFirst.size() || start == 0; start += served) {
            List<VersionRelease> page = newestFirst.subList(start, Math.min(newestFirst.size(), start + served));
            wm.stubFor(searchRequest(c, start)
                    .willReturn(okJson(searchJson(c, newestFirst.size(), start, served, page))));
            if (newestFirst.isEmpty()) {
                break;
            }
        }
    }

    public static String dependentsPath(Coordinate c, String version) {
        return "/v3alpha/systems/maven/packages/" + c.groupId() + "%3A" + c.artifactId() + "/versions/" + version
                + ":dependents";
    }

    /** deps.dev: {@code version} is the artifact's default version, analysed long ago, answering {@code json}. */
    public static void dependents(WireMockServer wm, Coordinate c, String version, String json) {
        DepsDevStubs.versions(wm, "maven", c.toString(), version, Instant.parse("2025-01-10T00:00:00Z"));
        wm.stubFor(get(urlEqualTo(dependentsPath(c, version))).willReturn(okJson(json)));
    }

    /** {@code count} versions 1.0.0, 1.0.1, ... released a week apart, the last one {@code lastDaysAgo} before now. */
    public static List<VersionRelease> weekly(int count, Instant now, int lastDaysAgo) {
        List<VersionRelease> releases = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int daysAgo = lastDaysAgo + 7 * (count - 1 - i);
            releases.add(new VersionRelease("1." + (i / 100) + "." + (i % 100),
                    now.minusSeconds(86_400L * daysAgo)));
        }
        return releases;
    }
}
