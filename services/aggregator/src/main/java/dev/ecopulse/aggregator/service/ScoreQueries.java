package dev.ecopulse.aggregator.service;

import dev.ecopulse.aggregator.repository.StoredObservation;
import dev.ecopulse.aggregator.scoring.ScorePoint;
import dev.ecopulse.aggregator.scoring.SubjectScore;
import dev.ecopulse.contract.catalog.Catalog;
import dev.ecopulse.contract.catalog.Framework;
import dev.ecopulse.contract.catalog.Project;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Answers the API's questions from one {@link ViewState}, never from the store. Callers take the state once per
 * request so that the answer and its ETag belong together.
 */
@ApplicationScoped
public class ScoreQueries {

    private final ScoreView view;
    private final Catalog catalog;
    /** Every project, then each framework's, ordered by id: the order pages of projects follow. */
    private final List<Project> projectsById;
    private final Map<String, List<Project>> projectsByFramework;

    ScoreQueries(ScoreView view, Catalog catalog) {
        this.view = view;
        this.catalog = catalog;
        this.projectsById = catalog.projects().stream().sorted(Comparator.comparing(Project::id)).toList();
        this.projectsByFramework = catalog.frameworks().stream().collect(Collectors.toUnmodifiableMap(
                Framework::id, f -> projectsById.stream().filter(p -> p.frameworks().contains(f.id())).toList()));
    }

    /** A framework from the catalog with its scores. */
    public record FrameworkEntry(Framework framework, SubjectScore score) {
    }

    /** A project from the catalog with its scores and its subjects' latest observations. */
    public record ProjectEntry(Project project, SubjectScore score, List<StoredObservation> latest) {
    }

    /** A page of projects in id order; {@code more} when projects follow the last one. */
    public record ProjectPage(List<ProjectEntry> projects, boolean more) {
    }

    public ViewState state() {
        return view.state().orElseThrow(() -> new NotReadyException(
                "scores are still being loaded from the store (it may be unreachable); try again in a few seconds"));
    }

    public List<FrameworkEntry> frameworks(ViewState state) {
        return catalog.frameworks().stream().map(f -> entry(state, f)).toList();
    }

    public FrameworkEntry framework(ViewState state, String id) {
        return entry(state, catalog.framework(id).orElseThrow(() -> unknownFramework(id)));
    }

    public void requireFramework(String id) {
        catalog.framework(id).orElseThrow(() -> unknownFramework(id));
    }

    public List<ProjectEntry> projects(ViewState state, Optional<String> framework) {
        framework.ifPresent(this::requireFramework);
        return catalog.projects().stream()
                .filter(p -> framework.map(f -> p.frameworks().contains(f)).orElse(true))
                .map(p -> entry(state, p)).toList();
    }

    /**
     * At most {@code limit} projects (of one framework, or all) whose ids follow {@code after}, in id order. The work is
     * that of the page, however deep: a binary search, then the page.
     */
    public ProjectPage projectPage(ViewState state, Optional<String> framework, Optional<String> after, int limit) {
        framework.ifPresent(this::requireFramework);
        List<Project> ordered = framework.map(projectsByFramework::get).orElse(projectsById);
        int from = after.map(id -> firstAfter(ordered, id)).orElse(0);
        int to = Math.min(ordered.size(), from + limit);
        return new ProjectPage(ordered.subList(from, to).stream().map(p -> entry(state, p)).toList(),
                to < ordered.size());
    }

    private static int firstAfter(List<Project> ordered, String id) {
        int low = 0;
        int high = ordered.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (ordered.get(middle).id().compareTo(id) <= 0) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    public ProjectEntry project(ViewState state, String id) {
        return entry(state, catalog.project(id).orElseThrow(
                () -> new UnknownIdException("no project '" + id + "' in the catalog")));
    }

    /** The framework's daily score points from {@code from} to {@code to}, both included, oldest first. */
    public List<ScorePoint> history(ViewState state, String id, LocalDate from, LocalDate to) {
        requireFramework(id);
        NavigableMap<LocalDate, ScorePoint> days = state.frameworkHistory().getOrDefault(id, new TreeMap<>());
        return List.copyOf(days.subMap(from, true, to, true).values());
    }

    /** The newest day with a score point of any framework; empty before the first observation. */
    public Optional<LocalDate> lastScoredDay(ViewState state) {
        return state.frameworkHistory().values().stream().filter(d -> !d.isEmpty()).map(NavigableMap::lastKey)
                .max(LocalDate::compareTo);
    }

    private FrameworkEntry entry(ViewState state, Framework f) {
        return new FrameworkEntry(f, state.current().frameworks().get(f.id()));
    }

    private ProjectEntry entry(ViewState state, Project p) {
        return new ProjectEntry(p, state.current().projects().get(p.id()), state.latest().getOrDefault(p.id(),
                List.of()));
    }

    private static UnknownIdException unknownFramework(String id) {
        return new UnknownIdException("no framework '" + id + "' in the catalog");
    }
}
