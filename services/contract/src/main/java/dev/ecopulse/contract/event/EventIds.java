package dev.ecopulse.contract.event;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Deterministic CloudEvents ids: the same observation always gets the same {@code ce_id}, so a redelivered or re-sent
 * one is recognised downstream and counted once.
 */
public final class EventIds {

    /** Observations of one subject within one bucket are the same observation. */
    public static final Duration DEFAULT_BUCKET = Duration.ofHours(1);

    private EventIds() {
    }

    /**
     * Id of an observation: a name-based UUID of source, project, subject (repository, package or coordinate) and the
     * start of the time bucket that holds {@code observedAt}.
     */
    public static String observationId(ObservationSource source, String projectId, String subject, Instant observedAt,
            Duration bucket) {
        if (bucket.isZero() || bucket.isNegative()) {
            throw new IllegalArgumentException("bucket must be positive: " + bucket);
        }
        return nameBased(String.join("|", source.id(), projectId, subject,
                bucketStart(observedAt, bucket).toString()));
    }

    /** Start of the bucket holding {@code time}, counted from the epoch. */
    public static Instant bucketStart(Instant time, Duration bucket) {
        long size = bucket.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(time.toEpochMilli(), size) * size);
    }

    /**
     * Id of a score change: the same change computed twice gets the same id. The time counts to the millisecond, the
     * precision the store keeps: a replica that read the time back from the store and one that computed it in memory
     * (to the nanosecond) name the same change alike.
     */
    public static String scoreChangeId(ScoreChanged.SubjectKind kind, String subjectId, Instant computedAt) {
        return nameBased(String.join("|", "score", kind.name(), subjectId,
                computedAt.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString()));
    }

    /**
     * Id of a series: a name-based UUID of source, project, subject, origin and the flows themselves, so the same
     * flows sent again get the same id and different flows never share one.
     */
    public static String seriesId(SeriesObservation series) {
        StringBuilder name = new StringBuilder(String.join("|", "series", series.source(), series.projectId(),
                series.subject(), series.origin()));
        series.flows().forEach(f -> name.append('|').append(f.signal()).append(',').append(f.from()).append(',')
                .append(f.to()).append(',').append(f.count()));
        return nameBased(name.toString());
    }

    private static String nameBased(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
