package dev.ecopulse.contract.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * Dated flows of one subject ({@code dev.ecopulse.<source>.series.v1}, on the source's topic): counts over past UTC
 * date ranges, as far back as the upstream keeps them (pypistats' daily downloads, GitHub commit windows, release
 * dates). A flow is sent only when its count is complete for its range; a day no flow covers is unknown, never zero.
 * Sending the same flows again changes nothing downstream. For a framework-level source
 * ({@link ObservationSource#frameworkLevel()}) {@code projectId} is the framework's id.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SeriesObservation(
        String projectId,
        String source,
        String subject,
        Instant observedAt,
        String runId,
        String origin,
        List<Flow> flows,
        List<MissingSignal> missing) {

    /** Sent with every collection: the recent windows the collector reads anyway. */
    public static final String ORIGIN_COLLECTION = "collection";
    /** Sent when a subject is first seen or on demand: what the upstream keeps of the past. */
    public static final String ORIGIN_BACKFILL = "backfill";
    /** Imported by an operator from real historical series. */
    public static final String ORIGIN_IMPORT = "import";

    public SeriesObservation {
        flows = flows == null ? List.of() : List.copyOf(flows);
        missing = missing == null ? List.of() : List.copyOf(missing);
    }

    public ObservationSource observationSource() {
        return ObservationSource.fromId(source)
                .orElseThrow(() -> new IllegalArgumentException("unknown source: " + source));
    }

    /** The CloudEvents type of a source's series, e.g. {@code dev.ecopulse.pypi.series.v1}. */
    public static String eventType(ObservationSource source) {
        return "dev.ecopulse." + source.id() + ".series.v1";
    }

    @JsonIgnore
    public String eventType() {
        return eventType(observationSource());
    }

    /**
     * The count of one signal over the UTC days {@code from} (inclusive) to {@code to} (exclusive), e.g. one day of
     * downloads or the commits of a 30-day window.
     */
    public record Flow(String signal, LocalDate from, LocalDate to, long count) {

        public Flow {
            Objects.requireNonNull(signal, "signal");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (!to.isAfter(from)) {
                throw new IllegalArgumentException("a flow must end after it starts: " + from + " to " + to);
            }
            if (count < 0) {
                throw new IllegalArgumentException("a flow counts from 0: " + count);
            }
        }

        @JsonIgnore
        public long days() {
            return ChronoUnit.DAYS.between(from, to);
        }
    }

    /** The signals a flow can count. */
    public static final class Signals {
        /** PyPI downloads without mirrors (pypistats) or npm downloads (api.npmjs.org), one flow per day. */
        public static final String DOWNLOADS = "downloads";
        /** Commits on the default branch, merge commits included (GraphQL {@code history(since:, until:)}). */
        public static final String COMMITS = "commits";
        /** Releases that are not pre-releases, by publication date. */
        public static final String RELEASES = "releases";
        /** Stars given, by {@code starred_at} (where the stargazer list fits the budget). */
        public static final String STARS = "stars";

        /** Stack Exchange questions asked (framework level: the framework's tags, summed). */
        public static final String QUESTIONS = "questions";
        /** Hugging Face models created with any of the framework's library tags (framework level). */
        public static final String MODELS = "models";
        /** Scholarly works mentioning the framework, by publication date (framework level, OpenAlex). */
        public static final String WORKS = "works";

        /** npm downloads use {@link #DOWNLOADS} too: the series' source tells them from PyPI's. */
        public static final List<String> ALL = List.of(DOWNLOADS, COMMITS, RELEASES, STARS, QUESTIONS, MODELS, WORKS);

        private Signals() {
        }
    }
}
