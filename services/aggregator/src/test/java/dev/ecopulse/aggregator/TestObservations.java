package dev.ecopulse.aggregator;

import dev.ecopulse.contract.event.DependentCounts;
import dev.ecopulse.contract.event.GithubObservation;
import dev.ecopulse.contract.event.MavenObservation;
import dev.ecopulse.contract.event.MissingSignal;
import dev.ecopulse.contract.event.PypiObservation;
import dev.ecopulse.contract.event.SubjectStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builders of realistic observation payloads, as the collectors publish them, for the aggregator's tests. */
public final class TestObservations {

    private TestObservations() {
    }

    public static Github github(String projectId, String repository, Instant observedAt) {
        return new Github(projectId, repository, observedAt);
    }

    public static Pypi pypi(String projectId, String packageName, Instant observedAt) {
        return new Pypi(projectId, packageName, observedAt);
    }

    public static Maven maven(String projectId, String coordinate, Instant observedAt) {
        return new Maven(projectId, coordinate, observedAt);
    }

    /** A GitHub repository observation; defaults are those of a mid-sized, active library. */
    public static final class Github {
        final String projectId;
        final String repository;
        final Instant observedAt;
        SubjectStatus status = SubjectStatus.FOUND;
        public Long stars = 12_400L;
        public Long forks = 1_150L;
        public Long watchers = 210L;
        public Long contributors = 260L;
        public Long commitsLast90Days = 180L;
        public Long commitsPrevious90Days = 150L;
        public Long issuesClosedLast90Days = 95L;
        public Long releasesTotal = 48L;
        public Long releasesLast365Days = 9L;
        public Duration sinceRelease = Duration.ofDays(24);
        public Duration sincePush = Duration.ofDays(1);
        public Instant createdAt = Instant.parse("2019-02-07T18:12:00Z");
        public Boolean archived = false;
        public String primaryLanguage = "Python";
        public List<String> topics = List.of("deep-learning", "machine-learning");
        final List<MissingSignal> missing = new ArrayList<>();

        Github(String projectId, String repository, Instant observedAt) {
            this.projectId = projectId;
            this.repository = repository;
            this.observedAt = observedAt;
        }

        public Github stars(long stars) {
            this.stars = stars;
            return this;
        }

        public Github contributors(long contributors) {
            this.contributors = contributors;
            return this;
        }

        /** Leaves the contributor count out, as a collector does when GitHub refuses to compute it. */
        public Github withoutContributors(String reason) {
            contributors = null;
            missing.add(new MissingSignal("contributors", reason));
            return this;
        }

        public Github status(SubjectStatus status) {
            this.status = status;
            return this;
        }

        /** A run during an upstream outage: the repository was not read, every signal is missing with the reason. */
        public Github failed(String reason) {
            stars = null;
            forks = null;
            watchers = null;
            contributors = null;
            commitsLast90Days = null;
            commitsPrevious90Days = null;
            issuesClosedLast90Days = null;
            releasesLast365Days = null;
            sinceRelease = null;
            sincePush = null;
            createdAt = null;
            primaryLanguage = null;
            topics = null;
            for (String signal : List.of("stars", "forks", "watchers", "contributors", "commitsLast90Days",
                    "issuesClosedLast90Days", "releasesLast365Days", "latestReleaseAt", "pushedAt", "createdAt")) {
                missing.add(new MissingSignal(signal, reason));
            }
            return this;
        }

        /** The repository has releases, but the latest one's date could not be collected. */
        public Github withoutLatestRelease(String reason) {
            this.sinceRelease = null;
            this.missing.add(new MissingSignal("latestReleaseAt", reason));
            return this;
        }

        public GithubObservation build() {
            return new GithubObservation(projectId, repository, observedAt, "run-" + observedAt.getEpochSecond(),
                    status, null, "graphql", stars, forks, watchers, 42L, 17L, issuesClosedLast90Days, contributors,
                    commitsLast90Days, commitsPrevious90Days, releasesTotal,
                    releasesTotal == 0 ? null : "v2." + releasesTotal + ".0",
                    releasesTotal == 0 || sinceRelease == null ? null : observedAt.minus(sinceRelease),
                    releasesLast365Days, createdAt,
                    sincePush == null ? null : observedAt.minus(sincePush), archived, "Apache-2.0", primaryLanguage, topics, null, missing);
        }
    }

    /** A PyPI package observation with its pypistats downloads and deps.dev dependents. */
    public static final class Pypi {
        final String projectId;
        final String packageName;
        final Instant observedAt;
        public String latestVersion = "2.4.1";
        public Long releaseCount = 61L;
        public Long releasesLast365Days = 8L;
        public Double medianDaysBetweenReleases = 35.0;
        public Long daysSinceLatestRelease = 24L;
        public Long yankedReleases = 1L;
        public Integer developmentStatus = 5;
        public Long last30Days = 2_300_000L;
        public Long previous30Days = 2_000_000L;
        public Long last90Days = 6_600_000L;
        public Long previous90Days = 6_000_000L;
        public Long dependentsDirect = 1_450L;
        boolean downloads = true;
        final List<MissingSignal> missing = new ArrayList<>();

        Pypi(String projectId, String packageName, Instant observedAt) {
            this.projectId = projectId;
            this.packageName = packageName;
            this.observedAt = observedAt;
        }

        public Pypi downloads(long last30Days, long previous30Days) {
            this.last30Days = last30Days;
            this.previous30Days = previous30Days;
            return this;
        }

        /** Leaves the whole pypistats group out, as a collector does when pypistats answers 429 all day. */
        public Pypi withoutDownloads(String reason) {
            downloads = false;
            missing.add(new MissingSignal("pypistats", reason));
            return this;
        }

        public PypiObservation build() {
            return new PypiObservation(projectId, packageName, observedAt, "run-" + observedAt.getEpochSecond(),
                    SubjectStatus.FOUND,
                    new PypiObservation.Registry(latestVersion, Instant.parse("2018-12-10T09:30:00Z"),
                            daysSinceLatestRelease == null ? null
                                    : observedAt.minus(Duration.ofDays(daysSinceLatestRelease)),
                            releaseCount,
                            releasesLast365Days, medianDaysBetweenReleases, daysSinceLatestRelease, yankedReleases,
                            developmentStatus, statusLabel(developmentStatus), ">=3.9", 6L,
                            "Apache-2.0"),
                    downloads ? new PypiObservation.Downloads(last30Days / 30, last30Days / 4, last30Days, last30Days,
                            previous30Days, last90Days, previous90Days) : null,
                    new DependentCounts(dependentsDirect, dependentsDirect * 9), missing);
        }
    }

    static String statusLabel(Integer status) {
        if (status == null) {
            return null;
        }
        return List.of("Planning", "Pre-Alpha", "Alpha", "Beta", "Production/Stable", "Mature", "Inactive")
                .get(status - 1);
    }

    /** A Maven Central artifact observation. */
    public static final class Maven {
        final String projectId;
        final String coordinate;
        final Instant observedAt;
        public String highestVersion = "1.9.0";
        public Long releasesLast365Days = 4L;
        public Double preReleaseShare = 0.12;
        public Long dependentsDirect = 140L;

        Maven(String projectId, String coordinate, Instant observedAt) {
            this.projectId = projectId;
            this.coordinate = coordinate;
            this.observedAt = observedAt;
        }

        public MavenObservation build() {
            return new MavenObservation(projectId, coordinate, observedAt, "run-" + observedAt.getEpochSecond(),
                    SubjectStatus.FOUND, new MavenObservation.Metadata(34L, highestVersion, observedAt.minus(
                            Duration.ofDays(40))),
                    new MavenObservation.Releases(Instant.parse("2020-06-01T00:00:00Z"),
                            observedAt.minus(Duration.ofDays(40)), releasesLast365Days, 70.0, 40L, preReleaseShare),
                    new DependentCounts(dependentsDirect, dependentsDirect * 4), List.of());
        }
    }
}
