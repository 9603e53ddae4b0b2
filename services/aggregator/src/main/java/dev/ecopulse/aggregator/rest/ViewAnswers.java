package dev.ecopulse.aggregator.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecopulse.aggregator.scoring.Methodology;
import dev.ecopulse.aggregator.service.ScoreQueries;
import dev.ecopulse.aggregator.service.ScoreQueries.ProjectPage;
import dev.ecopulse.aggregator.service.ViewState;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * The answers that change only when the view does, serialised once per view version and then served as bytes with a
 * strong ETag: the framework list, each framework's explanation, comparisons, histories, each project and pages of
 * projects. Each is built by the first request that asks for it after a view change (a rescore costs nothing for
 * answers nobody reads) and kept until the next view; the bytes are what the JSON provider would write for the typed
 * answer, with the same mapper.
 */
@ApplicationScoped
public class ViewAnswers {

    /**
     * Bytes of answers kept per view. The default catalog's answers all fit in well under 1 MiB; with a catalog of
     * thousands of projects the rarely read ones past this budget are serialised per request instead.
     */
    static final long BUDGET = 64L << 20;

    /** A page of projects and the cursor of the next one, when more follow. */
    record Page(Answer answer, Optional<String> next) {
    }

    private final ScoreQueries queries;
    private final Methodology methodology;
    private final ObjectMapper mapper;
    private final AtomicReference<Generation> generation = new AtomicReference<>(new Generation(0));

    ViewAnswers(ScoreQueries queries, Methodology methodology, ObjectMapper mapper) {
        this.queries = queries;
        this.methodology = methodology;
        this.mapper = mapper;
    }

    Answer frameworks(ViewState state) {
        return answer(state, "frameworks",
                () -> queries.frameworks(state).stream().map(FrameworkSummary::of).toList());
    }

    Answer framework(ViewState state, String id) {
        return answer(state, "framework " + id, () -> FrameworkDetail.of(queries.framework(state, id),
                queries.projects(state, Optional.of(id)), methodology));
    }

    /** The frameworks side by side, in the order asked (ids already checked for form). */
    Answer comparison(ViewState state, List<String> ids) {
        return answer(state, "compare " + String.join(",", ids), () -> ComparisonView.of(
                ids.stream().map(id -> queries.framework(state, id)).toList(), methodology));
    }

    Answer history(ViewState state, String id, LocalDate from, LocalDate to) {
        return answer(state, "history " + id + " " + from + " " + to,
                () -> new HistoryView(id, from, to, queries.history(state, id, from, to)));
    }

    Answer project(ViewState state, String id) {
        return answer(state, "project " + id, () -> ProjectDetail.of(queries.project(state, id), methodology));
    }

    Page projects(ViewState state, Optional<String> framework, Optional<String> after, int limit) {
        String key = "projects " + framework.orElse("") + " " + after.orElse("") + " " + limit;
        return cached(state, key, () -> {
            ProjectPage page = queries.projectPage(state, framework, after, limit);
            Optional<String> next = page.more()
                    ? Optional.of(Cursor.afterProject(page.projects().get(page.projects().size() - 1).project().id()))
                    : Optional.empty();
            return new Page(serialise(page.projects().stream().map(ProjectSummary::of).toList()), next);
        }, page -> page.answer().json().length);
    }

    private Answer answer(ViewState state, String key, Supplier<Object> body) {
        return cached(state, key, () -> serialise(body.get()), answer -> answer.json().length);
    }

    private Answer serialise(Object body) {
        try {
            return Answer.of(mapper.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + body.getClass().getSimpleName(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private <T> T cached(ViewState state, String key, Supplier<T> compute, ToLongFunction<T> size) {
        Generation current = generationOf(state);
        if (current == null) {
            return compute.get(); // a request that took the view just before a newer one was installed
        }
        Object known = current.answers.get(key);
        if (known != null) {
            return (T) known;
        }
        if (current.bytes.get() >= BUDGET) {
            return compute.get();
        }
        // one computation per key even when many requests ask at once right after a view change
        return (T) current.answers.computeIfAbsent(key, k -> {
            T value = compute.get();
            current.bytes.addAndGet(size.applyAsLong(value));
            return value;
        });
    }

    /** The answers of this view, starting them when it is newer than the last one seen; null for an older view. */
    private Generation generationOf(ViewState state) {
        while (true) {
            Generation current = generation.get();
            if (current.version == state.version()) {
                return current;
            }
            if (current.version > state.version()) {
                return null;
            }
            Generation next = new Generation(state.version());
            if (generation.compareAndSet(current, next)) {
                return next;
            }
        }
    }

    /** One view version's answers, by what was asked. */
    private static final class Generation {
        final long version;
        final ConcurrentHashMap<String, Object> answers = new ConcurrentHashMap<>();
        final AtomicLong bytes = new AtomicLong();

        Generation(long version) {
            this.version = version;
        }
    }
}
