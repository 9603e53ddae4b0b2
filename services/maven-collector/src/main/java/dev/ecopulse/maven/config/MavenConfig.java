package dev.ecopulse.maven.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;

/** Where Maven Central's repository and search API are, and how politely and patiently we ask them. */
@ConfigMapping(prefix = "ecopulse.maven")
public interface MavenConfig {

    /** Central search silently answers its default of 20 rows when asked for more than this. */
    int MAX_SEARCH_PAGE_SIZE = 200;

    /** Repository root holding {@code <group path>/<artifact>/maven-metadata.xml}. */
    @WithDefault("https://repo1.maven.org/maven2")
    URI repoUrl();

    /** Central search (Solr) base; {@code /solrsearch/select} is appended. */
    @WithDefault("https://search.maven.org")
    URI searchUrl();

    /** Sent to the repository and Central search: names the collector and where to learn about it. */
    @WithDefault("ecopulse-maven-collector/0.1.0 (+https://ecopulse.dev)")
    String userAgent();

    /** Deadline of one whole maven-metadata.xml exchange, body included. */
    @WithDefault("15s")
    Duration repoTimeout();

    /**
     * Deadline of one whole search page exchange, body included; search is known to hang silently, so keep it short.
     */
    @WithDefault("10s")
    Duration searchTimeout();

    /** Further attempts at a search page that timed out or answered 5xx. */
    @WithDefault("2")
    int searchRetries();

    /** Wait before the first of those, doubling after each. */
    @WithDefault("1s")
    Duration searchRetryDelay();

    /** Versions asked for per search page (1 to 200). */
    @WithDefault("200")
    int searchPageSize();

    /** Pages read at most per artifact; an artifact with more versions gets its search signals listed as missing. */
    @WithDefault("25")
    int searchMaxPages();

    /** Requests per second at most, to each of the two hosts. */
    @WithDefault("5")
    int requestsPerSecond();

    /** How many 429 answers in a row one repository request may get and still be asked again. */
    @WithDefault("3")
    int throttleRetries();

    /** First wait after a 429 without a usable Retry-After; doubles on each further 429. */
    @WithDefault("2s")
    Duration throttleBackoff();

    /** Longest single wait accepted after a 429; beyond it the repository signals are missing for this run. */
    @WithDefault("60s")
    Duration throttleMaxWait();
}
