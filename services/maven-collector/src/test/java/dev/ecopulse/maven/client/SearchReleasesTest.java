package dev.ecopulse.maven.client;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecopulse.maven.config.MavenConfig;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

class SearchReleasesTest {

    @Test
    void refusesPagesLargerThanCentralSearchServes() {
        assertThatThrownBy(() -> new SearchReleases(null, config(201, 25)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("ecopulse.maven.search-page-size must be between 1 and 200 (Central search answers only"
                        + " 20 rows above 200), got 201");
        assertThatThrownBy(() -> new SearchReleases(null, config(0, 25))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new SearchReleases(null, config(200, 0)))
                .hasMessage("ecopulse.maven.search-max-pages must be at least 1, got 0");
    }

    private static MavenConfig config(int pageSize, int maxPages) {
        return (MavenConfig) Proxy.newProxyInstance(MavenConfig.class.getClassLoader(),
                new Class<?>[] { MavenConfig.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "searchPageSize" -> pageSize;
                    case "searchMaxPages" -> maxPages;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
