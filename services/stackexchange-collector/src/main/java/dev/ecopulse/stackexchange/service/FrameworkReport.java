package dev.ecopulse.stackexchange.service;

import dev.ecopulse.collector.client.Fetched;
import dev.ecopulse.contract.event.MissingSignal;
import dev.ecopulse.contract.event.ObservationSource;
import dev.ecopulse.contract.event.SeriesObservation;
import dev.ecopulse.contract.event.SeriesObservation.Flow;
import dev.ecopulse.contract.event.StackexchangeObservation;
import dev.ecopulse.contract.event.SubjectStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Turns a framework's tally into its observation and its series of {@code questions} per 30-day window. */
final class FrameworkReport {

    private FrameworkReport() {
    }

    static StackexchangeObservation observation(FrameworkTally tally, String site, String runId, Instant observedAt) {
        LocalDate today = LocalDate.ofInstant(observedAt, ZoneOffset.UTC);
        List<MissingSignal> missing = new ArrayList<>();
        if (tally.noneKnown()) {
            missing.add(new MissingSignal("questions", site + " knows none of the tags " + String.join(", ",
                    tally.tags)));
            return new StackexchangeObservation(tally.target.projectId(), site, tally.tags, observedAt, runId,
                    SubjectStatus.NOT_FOUND, null, missing);
        }
        Long total = take("questions.total", tally.total(), missing);
        Long last30 = take("questions.last30Days", tally.sum(QuestionWindows.window(today, 0)), missing);
        Fetched<Long> previous = tally.sum(QuestionWindows.window(today, 1));
        Long previous30 = take("questions.previous30Days", previous, missing);
        Long lastYear = take("questions.last365Days", tally.sum(QuestionWindows.lastYear(today)), missing);
        Double answered = take("questions.answeredShare",
                answeredShare(previous, tally.sum(QuestionWindows.previousUnanswered(today))), missing);
        StackexchangeObservation.Questions questions = total == null && last30 == null && previous30 == null
                && lastYear == null && answered == null ? null
                : new StackexchangeObservation.Questions(total, last30, previous30, lastYear, answered);
        return new StackexchangeObservation(tally.target.projectId(), site, tally.tags, observedAt, runId,
                SubjectStatus.FOUND, questions, missing);
    }

    /**
     * 1 − no-answers / asked over the previous window; counts read a moment apart may disagree by a question, so the
     * share is kept within 0 and 1.
     */
    static Fetched<Double> answeredShare(Fetched<Long> asked, Fetched<Long> unanswered) {
        if (asked.value() == null) {
            return Fetched.missing(asked.missingReason());
        }
        if (unanswered.value() == null) {
            return Fetched.missing(unanswered.missingReason());
        }
        if (asked.value() == 0) {
            return Fetched.missing("no question was asked in the previous 30-day window");
        }
        double share = 1.0 - (double) unanswered.value() / asked.value();
        return Fetched.of(Math.max(0.0, Math.min(1.0, share)));
    }

    /**
     * The windows counted for every tag, as {@code questions} flows; a backfill only when all 13 windows were counted
     * (else the series goes out as a collection and the next run tries the backfill again).
     */
    static SeriesObservation series(FrameworkTally tally, String runId, Instant observedAt, boolean backfill) {
        LocalDate today = LocalDate.ofInstant(observedAt, ZoneOffset.UTC);
        int windows = backfill ? QuestionWindows.BACKFILL_WINDOWS : QuestionWindows.RECENT_WINDOWS;
        List<Flow> flows = new ArrayList<>();
        Set<String> reasons = new LinkedHashSet<>();
        for (QuestionWindows.Range range : QuestionWindows.windows(today, 0, windows)) {
            Fetched<Long> count = tally.sum(range);
            if (count.value() == null) {
                reasons.add(count.missingReason());
            } else {
                flows.add(new Flow(SeriesObservation.Signals.QUESTIONS, range.from(), range.to(), count.value()));
            }
        }
        List<MissingSignal> missing = reasons.isEmpty() ? List.of()
                : List.of(new MissingSignal(SeriesObservation.Signals.QUESTIONS, String.join("; ", reasons)));
        String origin = backfill && reasons.isEmpty() ? SeriesObservation.ORIGIN_BACKFILL
                : SeriesObservation.ORIGIN_COLLECTION;
        return new SeriesObservation(tally.target.projectId(), ObservationSource.STACKEXCHANGE.id(),
                tally.target.subject(), observedAt, runId, origin, flows, missing);
    }

    private static <T> T take(String path, Fetched<T> fetched, List<MissingSignal> missing) {
        if (fetched.value() == null) {
            missing.add(new MissingSignal(path, fetched.missingReason()));
        }
        return fetched.value();
    }
}
