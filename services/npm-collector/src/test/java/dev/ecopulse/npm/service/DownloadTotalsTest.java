package dev.ecopulse.npm.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecopulse.npm.client.downloads.DownloadDocuments;
import dev.ecopulse.npm.client.downloads.DownloadHistory;
import dev.ecopulse.npm.client.JsonDocuments;
import dev.ecopulse.npm.support.UpstreamStubs;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DownloadTotalsTest {

    static DownloadHistory history() {
        return DownloadDocuments.single(JsonDocuments.object(UpstreamStubs.rangeBody("x", 10, 7)).orElseThrow())
                .orElseThrow();
    }

    @Test
    void sumsNpmsPeriodsBackFromItsLastDay() {
        DownloadTotals totals = DownloadTotals.of(history());

        assertThat(totals.lastDay().value()).isEqualTo(7);
        assertThat(totals.lastWeek()).isEqualTo(6 * 10 + 7);
        assertThat(totals.lastMonth()).isEqualTo(29 * 10 + 7);
        assertThat(totals.lastYear()).isEqualTo(364 * 10 + 7);
    }

    @Test
    void aLastDayTheAnswerDoesNotListIsMissing() {
        DownloadHistory h = history();
        DownloadHistory without = new DownloadHistory(h.start(), h.end(), h.days().subList(0, h.days().size() - 1));

        assertThat(DownloadTotals.of(without).lastDay().missingReason()).contains("no count for its last day");
    }

    @Test
    void anUnreadableDayMakesTheWholeAnswerUnreadable() {
        String body = UpstreamStubs.rangeBody("x", 10, 7).replace("{\"downloads\":7,", "{\"downloads\":-7,");

        assertThat(DownloadDocuments.single(JsonDocuments.object(body).orElseThrow())).isEmpty();
    }

    @Test
    void theBulkAnswerKeepsNullForUnknownNames() {
        String body = UpstreamStubs.bulkBody(List.of("a", "b"), java.util.Set.of("b"));

        var entries = DownloadDocuments.bulk(body, List.of("a", "b", "c")).orElseThrow();

        assertThat(entries).containsOnlyKeys("a", "b");
        assertThat(entries.get("b").isNull()).isTrue();
        assertThat(DownloadDocuments.single(entries.get("a")).orElseThrow().end())
                .isEqualTo(LocalDate.parse("2026-11-27"));
    }
}
