package dev.ecopulse.collector.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EtagCacheTest {

    @Test
    void remembersAnswersWithAnEtagAndForgetsTheLeastRecentlyUsed() {
        EtagCache cache = new EtagCache(2);
        cache.put("a", "\"1\"", "A");
        cache.put("b", "\"2\"", "B");
        cache.get("a");
        cache.put("c", "\"3\"", "C");

        assertThat(cache.get("a")).contains(new EtagCache.Entry("\"1\"", "A"));
        assertThat(cache.get("b")).isEmpty();
        assertThat(cache.get("c")).isPresent();
    }

    @Test
    void ignoresAnswersWithoutEtag() {
        EtagCache cache = new EtagCache(2);
        cache.put("a", null, "A");
        cache.put("b", " ", "B");

        assertThat(cache.get("a")).isEmpty();
        assertThat(cache.get("b")).isEmpty();
    }
}
