package dev.ecopulse.pypi.client.pypistats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecopulse.collector.client.Fetched;
import dev.ecopulse.pypi.support.Fixtures;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PypistatsDocumentsTest {

    @Test
    void readsRecentDownloads() {
        assertThat(PypistatsDocuments.recent(Fixtures.read("pypistats/optax-recent.json"))).isEqualTo(
                new RecentDownloads(Fetched.of(61_934L), Fetched.of(431_205L), Fetched.of(1_867_306L)));
    }

    @Test
    void aCountThatIsNotACountIsMissing() {
        RecentDownloads recent = PypistatsDocuments.recent("{\"data\":{\"last_day\":-1,\"last_week\":\"many\","
                + "\"last_month\":12.5},\"package\":\"optax\",\"type\":\"recent_downloads\"}");

        assertThat(recent.lastDay().missingReason()).isEqualTo("pypistats gave no usable last_day");
        assertThat(recent.lastWeek().missingReason()).isEqualTo("pypistats gave no usable last_week");
        assertThat(recent.lastMonth().missingReason()).isEqualTo("pypistats gave no usable last_month");
        assertThat(PypistatsDocuments.recent("<html><title>429 Too Many Requests</title></html>").lastDay()
                .missingReason()).isEqualTo("pypistats answered malformed recent downloads");
    }

    @Test
    void keepsOnlyTheDaysWithoutMirrors() {
        String body = "{\"data\":[{\"category\":\"with_mirrors\",\"date\":\"2026-11-27\",\"downloads\":900},"
                + "{\"category\":\"without_mirrors\",\"date\":\"2026-11-27\",\"downloads\":700}],"
                + "\"package\":\"optax\",\"type\":\"overall_downloads\"}";

        assertThat(PypistatsDocuments.overall(body).value())
                .containsExactly(new DailyDownloads(LocalDate.parse("2026-11-27"), 700));
    }

    @Test
    void oneUnreadableDayMakesTheSeriesMissing() {
        String body = "{\"data\":[{\"category\":\"without_mirrors\",\"date\":\"2026-11-26\",\"downloads\":700},"
                + "{\"category\":\"without_mirrors\",\"date\":\"2026-11-27\",\"downloads\":\"800\"}],"
                + "\"type\":\"overall_downloads\"}";

        assertThat(PypistatsDocuments.overall(body).missingReason())
                .isEqualTo("pypistats answered malformed overall downloads (entry 1)");
        assertThat(PypistatsDocuments.overall("{\"data\":{}}").missingReason())
                .isEqualTo("pypistats answered malformed overall downloads");
    }
}
