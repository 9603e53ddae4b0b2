package dev.ecopulse.pypi.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecopulse.collector.client.http.Lookup;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AnswerReuseTest {

    static final URI URI_ = URI.create("https://pypistats.org/api/packages/optax/recent");
    static final Instant T = Instant.parse("2026-11-28T10:00:00Z");

    @Test
    void givesAnAnswerAgainUntilItIsTooOld() {
        AnswerReuse<String> reuse = new AnswerReuse<>(Duration.ofHours(23));
        reuse.put(URI_, T, new Lookup.Found<>("answer"));

        assertThat(reuse.get(URI_, T.plus(Duration.ofHours(22)))).contains(new Lookup.Found<>("answer"));
        assertThat(reuse.get(URI_, T.plus(Duration.ofHours(23)))).isEmpty();
    }

    @Test
    void keepsAbsenceButNeverAFailure() {
        AnswerReuse<String> reuse = new AnswerReuse<>(Duration.ofHours(23));

        reuse.put(URI_, T, new Lookup.Failed<>("pypistats answered HTTP 502", false));
        assertThat(reuse.get(URI_, T)).isEmpty();

        reuse.put(URI_, T, new Lookup.NotFound<>("pypistats has no download data for 'optax'"));
        assertThat(reuse.get(URI_, T)).contains(new Lookup.NotFound<>("pypistats has no download data for 'optax'"));
    }

    @Test
    void zeroMeansAskEveryTime() {
        AnswerReuse<String> reuse = new AnswerReuse<>(Duration.ZERO);
        reuse.put(URI_, T, new Lookup.Found<>("answer"));

        assertThat(reuse.get(URI_, T)).isEmpty();
    }
}
