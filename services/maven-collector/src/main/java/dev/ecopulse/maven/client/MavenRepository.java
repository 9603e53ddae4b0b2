package dev.ecopulse.maven.client;

import dev.ecopulse.collector.client.Fetched;
import dev.ecopulse.collector.client.http.Lookup;
import dev.ecopulse.collector.client.http.UpstreamHttp;
import dev.ecopulse.collector.client.http.UpstreamReply;
import dev.ecopulse.collector.client.http.UpstreamRequest;
import dev.ecopulse.collector.client.http.UpstreamSettings;
import dev.ecopulse.collector.client.http.Upstreams;
import dev.ecopulse.collector.run.RunContext;
import dev.ecopulse.maven.config.MavenConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;

/**
 * Reads maven-metadata.xml from the repository, waiting out 429s as the repository asks, within bounds. Found holds
 * the metadata, or why a file that exists cannot be used.
 */
@ApplicationScoped
public class MavenRepository {

    static final String SOURCE = "maven";
    static final String ENDPOINT = "metadata";

    private final UpstreamHttp http;
    private final String root;

    MavenRepository(MavenConfig config, Upstreams upstreams) {
        this.http = upstreams.client(UpstreamSettings.of("the repository", SOURCE, config.userAgent(),
                config.repoTimeout(), config.requestsPerSecond())
                .withThrottle(config.throttleRetries(), config.throttleBackoff(), config.throttleMaxWait())
                .withRetries(0, config.throttleBackoff()));
        String url = config.repoUrl().toString();
        this.root = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public Lookup<Fetched<ArtifactMetadata>> metadata(Coordinate coordinate, RunContext run)
            throws InterruptedException {
        UpstreamReply reply = http.send(UpstreamRequest.get(ENDPOINT, URI.create(root + "/" + coordinate.groupPath()
                + "/" + coordinate.artifactId() + "/maven-metadata.xml"))
                .header("Accept", "application/xml, text/xml"), run);
        if (!reply.answered()) {
            return new Lookup.Failed<>(reply.failure(), reply.throttled());
        }
        if (reply.status() == 404) {
            return new Lookup.NotFound<>(coordinate + " is not in the repository (maven-metadata.xml answered 404)");
        }
        if (reply.status() != 200) {
            return new Lookup.Failed<>("the repository answered HTTP " + reply.status(), false);
        }
        try {
            return new Lookup.Found<>(Fetched.of(MetadataXml.parse(reply.body(), coordinate)));
        } catch (MalformedAnswerException e) {
            return new Lookup.Found<>(Fetched.missing("maven-metadata.xml cannot be used: " + e.getMessage()));
        }
    }
}
