package dev.ecopulse.aggregator.scoring;

import dev.ecopulse.contract.event.GithubObservation;
import dev.ecopulse.contract.event.ObservationSource;
import dev.ecopulse.contract.event.SubjectStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** What a framework's ecosystem signals need to know about one project, derived from its inputs and signals. */
final class ProjectFactsOf {

    private ProjectFactsOf() {
    }

    static ProjectFacts derive(ProjectInputs in, SignalSet signals, Methodology methodology) {
        Optional<GithubObservation> github = in.of(ObservationSource.GITHUB).stream()
                .flatMap(i -> i.point().stream()).map(p -> (GithubObservation) p.payload())
                .filter(g -> g.status() != SubjectStatus.NOT_FOUND).findFirst();
        // like signals, a fact the latest observation lacks is carried forward from the last one that had it
        Optional<GithubObservation> described = latestWith(in, g -> g.topics() != null || g.primaryLanguage() != null);
        boolean packagesObserved = packages(in).anyMatch(i -> i.point().isPresent());
        boolean packagesListed = packages(in).findAny().isPresent();
        Optional<Set<String>> registries = packagesObserved || !packagesListed
                ? Optional.of(foundRegistries(in)) : Optional.empty();
        // Maven presence counts under registries only; a deployment project is one its own repository says it is
        Optional<Boolean> deployment = described.map(g -> g.topics() != null && g.topics().stream()
                .anyMatch(t -> methodology.deploymentTopics().contains(t.toLowerCase(Locale.ROOT))));
        return new ProjectFacts(registries, described.map(GithubObservation::primaryLanguage), deployment,
                active(github, signals, methodology.activeWithinDays()));
    }

    /** The newest fresh GitHub observation of the project's repository that says what {@code has} asks. */
    private static Optional<GithubObservation> latestWith(ProjectInputs in, Predicate<GithubObservation> has) {
        for (ProjectInputs.Input i : in.of(ObservationSource.GITHUB)) {
            if (i.point().isEmpty() || i.point().get().payload().status() == SubjectStatus.NOT_FOUND) {
                continue;
            }
            if (i.point().get().payload() instanceof GithubObservation latest && has.test(latest)
                    && (in.freshFrom() == null || !i.point().get().observedAt().isBefore(in.freshFrom()))) {
                return Optional.of(latest); // the common case, without reading the earlier days
            }
            List<ObservedPoint> candidates = new ArrayList<>();
            candidates.add(i.point().get());
            candidates.addAll(i.earlier());
            for (ObservedPoint p : candidates) {
                if (p.payload().status() == SubjectStatus.NOT_FOUND
                        || in.freshFrom() != null && p.observedAt().isBefore(in.freshFrom())) {
                    break;
                }
                if (p.payload() instanceof GithubObservation g && has.test(g)) {
                    return Optional.of(g);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Boolean> active(Optional<GithubObservation> github, SignalSet signals, int within) {
        if (github.map(g -> Boolean.TRUE.equals(g.archived())).orElse(false)) {
            return Optional.of(false);
        }
        Optional<Double> sincePush = signals.reading(Signal.DAYS_SINCE_PUSH).map(Reading::value);
        Optional<Double> sinceRelease = signals.reading(Signal.DAYS_SINCE_RELEASE).map(Reading::value);
        if (sincePush.isEmpty() && sinceRelease.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(sincePush.map(d -> d <= within).orElse(false)
                || sinceRelease.map(d -> d <= within).orElse(false));
    }

    private static Stream<ProjectInputs.Input> packages(ProjectInputs in) {
        return in.packages().stream();
    }

    private static Set<String> foundRegistries(ProjectInputs in) {
        Set<String> found = new TreeSet<>();
        packages(in).filter(i -> i.point().isPresent() && i.point().get().payload().status() != SubjectStatus.NOT_FOUND)
                .forEach(i -> found.add(i.key().source().id()));
        return found;
    }
}
