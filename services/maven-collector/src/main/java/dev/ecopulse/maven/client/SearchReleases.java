package dev.ecopulse.maven.client;

import dev.ecopulse.collector.client.Fetched;
import dev.ecopulse.collector.run.RunContext;
import dev.ecopulse.maven.config.MavenConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every version of an artifact with its release time, from Central search, page after page. Pages are at most 200
 * rows (above that search silently answers 20) and the next page starts after the versions actually received, so a
 * short page loses nothing. Anything less than the complete list is reported missing, never used.
 */
@ApplicationScoped
@Startup
public class SearchReleases {

    private final CentralSearchPages pages;
    private final int pageSize;
    private final int maxPages;

    SearchReleases(CentralSearchPages pages, MavenConfig config) {
        if (config.searchPageSize() < 1 || config.searchPageSize() > MavenConfig.MAX_SEARCH_PAGE_SIZE) {
            throw new IllegalStateException("ecopulse.maven.search-page-size must be between 1 and "
                    + MavenConfig.MAX_SEARCH_PAGE_SIZE + " (Central search answers only 20 rows above 200), got "
                    + config.searchPageSize());
        }
        if (config.searchMaxPages() < 1) {
            throw new IllegalStateException("ecopulse.maven.search-max-pages must be at least 1, got "
                    + config.searchMaxPages());
        }
        this.pages = pages;
        this.pageSize = config.searchPageSize();
        this.maxPages = config.searchMaxPages();
    }

    public Fetched<List<VersionRelease>> releases(Coordinate coordinate, RunContext run)
            throws InterruptedException {
        Map<String, VersionRelease> byVersion = new LinkedHashMap<>();
        long numFound = 0;
        int received = 0;
        for (int page = 0; page < maxPages; page++) {
            SearchPage answer;
            try {
                answer = pages.page(coordinate, received, pageSize, run);
            } catch (SearchUnavailableException e) {
                return Fetched.missing(e.getMessage());
            } catch (MalformedAnswerException e) {
                return Fetched.missing(e.getMessage());
            }
            numFound = answer.numFound();
            // a version published while paging shifts the pages by one: the repeat is dropped here
            answer.releases().forEach(r -> byVersion.putIfAbsent(r.version(), r));
            received += answer.releases().size();
            if (answer.releases().isEmpty() || received >= numFound) {
                break;
            }
        }
        if (numFound == 0) {
            return Fetched.missing("Central search lists no versions of " + coordinate);
        }
        if (received < numFound) {
            return Fetched.missing("Central search lists " + numFound + " versions but answered only " + received
                    + " (at most " + maxPages + " pages of " + pageSize + " are read)");
        }
        return Fetched.of(List.copyOf(byVersion.values()));
    }
}
