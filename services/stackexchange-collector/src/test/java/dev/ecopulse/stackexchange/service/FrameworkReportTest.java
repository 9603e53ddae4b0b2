package dev.ecopulse.stackexchange.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecopulse.collector.client.Fetched;
import dev.ecopulse.collector.run.CollectionTarget;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FrameworkReportTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    @Test
    void windowsEndAtTheLastUtcMidnightAndFollowEachOtherBack() {
        assertThat(QuestionWindows.window(TODAY, 0).from()).isEqualTo(LocalDate.of(2026, 10, 29));
        assertThat(QuestionWindows.window(TODAY, 0).to()).isEqualTo(TODAY);
        assertThat(QuestionWindows.window(TODAY, 1).to()).isEqualTo(QuestionWindows.window(TODAY, 0).from());
        assertThat(QuestionWindows.windows(TODAY, 0, 13)).hasSize(13).last()
                .satisfies(w -> assertThat(w.from()).isEqualTo(TODAY.minusDays(390)));
        assertThat(QuestionWindows.previousUnanswered(TODAY).from()).isEqualTo(QuestionWindows.window(TODAY, 1).from());
        assertThat(QuestionWindows.lastYear(TODAY).from()).isEqualTo(TODAY.minusDays(365));
    }

    @Test
    void answeredShareIsOneMinusTheUnansweredShareKeptWithinZeroAndOne() {
        assertThat(FrameworkReport.answeredShare(Fetched.of(200L), Fetched.of(50L)).value()).isEqualTo(0.75);
        assertThat(FrameworkReport.answeredShare(Fetched.of(200L), Fetched.of(201L)).value()).isZero();
        assertThat(FrameworkReport.answeredShare(Fetched.of(0L), Fetched.of(0L)).missingReason())
                .isEqualTo("no question was asked in the previous 30-day window");
        assertThat(FrameworkReport.answeredShare(Fetched.of(10L), Fetched.missing("quota")).missingReason())
                .isEqualTo("quota");
    }

    @Test
    void sumsOverTheKnownTagsAndIsMissingWhenOneKnownTagIsMissing() {
        FrameworkTally tally = new FrameworkTally(new CollectionTarget("tensorflow", "tensorflow;tf2;gone"),
                List.of("tensorflow", "tf2", "gone"), Set.of("gone"));
        QuestionWindows.Range w0 = QuestionWindows.window(TODAY, 0);
        tally.count(w0, "tensorflow", Fetched.of(900L));
        tally.count(w0, "tf2", Fetched.of(100L));
        assertThat(tally.sum(w0).value()).isEqualTo(1000L);
        assertThat(tally.asked()).containsExactly("tensorflow", "tf2");
        QuestionWindows.Range w1 = QuestionWindows.window(TODAY, 1);
        tally.count(w1, "tensorflow", Fetched.of(900L));
        tally.count(w1, "tf2", Fetched.missing("quota spent"));
        assertThat(tally.sum(w1).missingReason()).isEqualTo("quota spent");
        assertThat(tally.noneKnown()).isFalse();
    }
}
