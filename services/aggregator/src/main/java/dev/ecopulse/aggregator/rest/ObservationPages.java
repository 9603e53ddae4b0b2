package dev.ecopulse.aggregator.rest;

import dev.ecopulse.aggregator.repository.HistoryPosition;
import dev.ecopulse.aggregator.repository.StoredObservation;
import dev.ecopulse.contract.event.ObservationSource;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One page of raw observations, newest first, paged by cursor: the parameters and the answer shared by a project's
 * observations and a framework's own (model hub, questions, research).
 */
final class ObservationPages {

    static final int MAX_LIMIT = 500;

    /** The query parameters, as given. */
    record Query(String source, String from, String to, String cursor, String offset, String limit) {
    }

    /** Reads one page of a subject's history: (source, from, to, after, limit) → observations. */
    @FunctionalInterface
    interface Reader {
        List<StoredObservation> read(Optional<ObservationSource> source, Optional<Instant> from, Optional<Instant> to,
                Optional<HistoryPosition> after, int limit);
    }

    private ObservationPages() {
    }

    /** Checks the parameters, reads the page and answers it with its ETag and, when full, a {@code next} link. */
    static Response answer(Query q, ObservationSource.Level level, Reader reader, Request request, UriInfo uri) {
        Params.refuseOffset(q.offset());
        Optional<ObservationSource> source = parseSource(q.source(), level);
        Optional<Instant> from = Params.instant("from", q.from(), false);
        Optional<Instant> to = Params.instant("to", q.to(), true);
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            throw ApiException.badParameter("from", "'" + q.from() + "' is after 'to' ('" + q.to() + "')");
        }
        Optional<HistoryPosition> after = Cursor.decode(q.cursor());
        int size = Params.integer("limit", q.limit(), 1, MAX_LIMIT);
        List<StoredObservation> page = reader.read(source, from, to, after, size);
        Response response = Conditional.ok(request, Conditional.ofContent(page.stream().map(StoredObservation::id)
                .collect(Collectors.joining(",", Objects.toString(q.cursor(), "") + ":", ""))),
                () -> page.stream().map(ObservationView::of).toList());
        if (page.size() == size) {
            return Cursor.withNext(response, Cursor.encode(HistoryPosition.after(page.get(page.size() - 1))), uri);
        }
        return response;
    }

    /** Only the sources that observe subjects of this level: a project's or a framework's own. */
    private static Optional<ObservationSource> parseSource(String source, ObservationSource.Level level) {
        if (source == null || source.isEmpty()) {
            return Optional.empty();
        }
        List<String> known = Arrays.stream(ObservationSource.values()).filter(s -> s.level() == level)
                .map(ObservationSource::id).toList();
        return Optional.of(ObservationSource.fromId(source).filter(s -> s.level() == level).orElseThrow(
                () -> ApiException.badParameter("source", "'" + source + "' is not one of "
                        + String.join(", ", known))));
    }
}
