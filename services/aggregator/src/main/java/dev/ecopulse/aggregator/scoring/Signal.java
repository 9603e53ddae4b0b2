package dev.ecopulse.aggregator.scoring;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Every maturity signal the aggregator can derive from observations: its id (as used in the methodology file), what
 * it measures, its unit, which way is better, where it applies and how a framework's value is made. Weights,
 * thresholds and dimensions are not here: they live in the methodology file.
 */
public enum Signal {
    STARS("stars", "GitHub stars", "stars", Direction.HIGHER_IS_BETTER, Aggregate.SUM),
    FORKS("forks", "GitHub forks", "forks", Direction.HIGHER_IS_BETTER, Aggregate.SUM),
    DOWNLOADS_30D("downloads30d", "PyPI downloads in the last 30 days, without mirrors, summed over packages"
            + " (companion packages installed together count once)",
            "downloads", Direction.HIGHER_IS_BETTER, Aggregate.SUM),
    DEPENDENTS("dependents", "Packages depending directly on each package's default version (deps.dev), summed over"
            + " packages (companion packages count once)",
            "packages", Direction.HIGHER_IS_BETTER, Aggregate.SUM),
    COMMITS_90D("commits90d", "Commits on the default branch in the last 90 days", "commits",
            Direction.HIGHER_IS_BETTER, Aggregate.SUM),
    ISSUES_CLOSED_90D("issuesClosed90d", "Issues closed in the last 90 days", "issues", Direction.HIGHER_IS_BETTER,
            Aggregate.SUM),
    RELEASES_365D("releases365d", "Final releases in the last 365 days, pre-releases not counted (the busiest of"
            + " GitHub, PyPI and Maven Central)",
            "releases", Direction.HIGHER_IS_BETTER, Aggregate.SUM),
    DAYS_SINCE_RELEASE("daysSinceRelease", "Days from the latest final release anywhere to the observation", "days",
            Direction.LOWER_IS_BETTER, Aggregate.MEDIAN),
    DAYS_SINCE_PUSH("daysSincePush", "Days from the last push to the repository to the observation", "days",
            Direction.LOWER_IS_BETTER, Aggregate.MEDIAN),
    CONTRIBUTORS("contributors", "GitHub contributors", "people", Direction.HIGHER_IS_BETTER, Aggregate.SUM),
    WATCHERS("watchers", "GitHub watchers", "people", Direction.HIGHER_IS_BETTER, Aggregate.SUM),
    AGE_MONTHS("ageMonths", "Months since the repository was created or the first release, whichever is older",
            "months", Direction.HIGHER_IS_BETTER, Aggregate.MAX),
    DEVELOPMENT_STATUS("developmentStatus",
            "Highest PyPI 'Development Status' classifier (1 Planning .. 5 Production/Stable, 6 Mature; 7 Inactive"
                    + " counts as 0)",
            "level", Direction.HIGHER_IS_BETTER, Aggregate.MEDIAN),
    FINAL_RELEASE_SHARE("finalReleaseShare", "Share of packages whose latest version is a final release, not a"
            + " pre-release (0.x counts as final: a versioning convention, not a health signal)", "share",
            Direction.HIGHER_IS_BETTER, Aggregate.MEAN),
    RELEASE_INTERVAL_DAYS("releaseIntervalDays", "Median days between final releases (regular, frequent releases"
            + " are better)", "days", Direction.LOWER_IS_BETTER, Aggregate.MEDIAN),
    PRE_RELEASE_SHARE("preReleaseShare", "Share of Maven versions that are pre-releases", "share",
            Direction.LOWER_IS_BETTER, Aggregate.MEAN),
    YANKED_SHARE("yankedShare", "Share of PyPI releases that were yanked", "share", Direction.LOWER_IS_BETTER,
            Aggregate.MEAN),
    REGISTRIES("registries", "Package registries the project or ecosystem publishes to (PyPI, Maven Central, npm)",
            "registries", Direction.HIGHER_IS_BETTER, Aggregate.ECOSYSTEM),
    LANGUAGES("languages", "Distinct primary languages of the ecosystem's repositories", "languages",
            Direction.HIGHER_IS_BETTER, Aggregate.ECOSYSTEM, Level.FRAMEWORK),
    DEPLOYMENT_PROJECTS("deploymentProjects", "Projects for deployment: tagged with a deployment topic on GitHub"
            + " (counted by attribution share; Maven Central presence counts under registries only)", "projects", Direction.HIGHER_IS_BETTER,
            Aggregate.ECOSYSTEM, Level.FRAMEWORK),
    NPM_DOWNLOADS_30D("npmDownloads30d", "npm downloads in the last 30 days (npm's last-month): JavaScript reach,"
            + " summed over packages (companion packages installed together count once)",
            "downloads", Direction.HIGHER_IS_BETTER, Aggregate.SUM),
    HUB_MODELS("hubModels", "Models on the Hugging Face Hub carrying the framework's library tags", "models",
            Direction.HIGHER_IS_BETTER, Aggregate.OBSERVED, Level.FRAMEWORK),
    TOP_MODELS_AVAILABLE("topModelsAvailable", "Share of the Hub's most downloaded models (a fixed top N) that carry"
            + " the framework's library tags, so can be used with it", "share", Direction.HIGHER_IS_BETTER,
            Aggregate.OBSERVED, Level.FRAMEWORK),
    TOP_MODELS_EXCLUSIVE("topModelsExclusive", "Of the Hub's most downloaded models (top N), those carrying the"
            + " framework's tags and no other catalog framework's", "models", Direction.HIGHER_IS_BETTER,
            Aggregate.OBSERVED, Level.FRAMEWORK),
    QUESTIONS_30D("questions30d", "Stack Overflow questions asked in the last 30 days with the framework's tags",
            "questions", Direction.HIGHER_IS_BETTER, Aggregate.OBSERVED, Level.FRAMEWORK),
    QUESTIONS_TOTAL("questionsTotal", "Stack Overflow questions ever asked with the framework's tags: the knowledge"
            + " base its users search", "questions", Direction.HIGHER_IS_BETTER, Aggregate.OBSERVED,
            Level.FRAMEWORK),
    ANSWERED_SHARE("answeredShare", "Share of a recent month's Stack Overflow questions with the framework's tags"
            + " (the 30 days before the last 30) that have an answer", "share", Direction.HIGHER_IS_BETTER,
            Aggregate.OBSERVED, Level.FRAMEWORK),
    WORKS_365D("works365d", "Scholarly works of one year mentioning the framework (OpenAlex search of titles,"
            + " abstracts and full text: mentions, not use in code), up to the indexing lag before the observation",
            "works", Direction.HIGHER_IS_BETTER, Aggregate.OBSERVED, Level.FRAMEWORK),
    ACTIVE_SHARE("activeShare", "Adoption-weighted share of the ecosystem's projects still active (not archived,"
            + " pushed or released within the methodology's activeWithinDays)", "share", Direction.HIGHER_IS_BETTER,
            Aggregate.ECOSYSTEM, Level.FRAMEWORK);

    private final String id;
    private final String description;
    private final String unit;
    private final Direction direction;
    private final Aggregate aggregate;
    private final Set<Level> levels;

    Signal(String id, String description, String unit, Direction direction, Aggregate aggregate) {
        this(id, description, unit, direction, aggregate, Level.PROJECT, Level.FRAMEWORK);
    }

    Signal(String id, String description, String unit, Direction direction, Aggregate aggregate, Level first,
            Level... rest) {
        this.id = id;
        this.description = description;
        this.unit = unit;
        this.direction = direction;
        this.aggregate = aggregate;
        this.levels = EnumSet.of(first, rest);
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    public String unit() {
        return unit;
    }

    public Direction direction() {
        return direction;
    }

    public Aggregate aggregate() {
        return aggregate;
    }

    public boolean appliesTo(Level level) {
        return levels.contains(level);
    }

    public static Optional<Signal> fromId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }
}
