package dev.ecopulse.aggregator.scoring;

import dev.ecopulse.contract.catalog.PackageNames;
import dev.ecopulse.contract.event.ObservationSource;
import java.util.Comparator;
import java.util.Locale;

/**
 * One observed thing of a project: its GitHub repository, a PyPI package or a Maven artifact. Subjects are compared
 * the way their upstream compares them (GitHub names ignore case, PyPI names are PEP 503-normalised).
 */
public record SubjectKey(String projectId, ObservationSource source, String subject) implements Comparable<SubjectKey> {

    private static final Comparator<SubjectKey> ORDER = Comparator.comparing(SubjectKey::projectId)
            .thenComparing(SubjectKey::source).thenComparing(SubjectKey::subject);

    public SubjectKey {
        subject = canonical(source, subject);
    }

    public static String canonical(ObservationSource source, String subject) {
        return switch (source) {
            case GITHUB -> subject.toLowerCase(Locale.ROOT);
            case PYPI -> PackageNames.normalise(subject);
            // npm names are lower case by rule; framework-level subjects are the catalog's own spelling
            case MAVEN, NPM, HUGGINGFACE, STACKEXCHANGE, RESEARCH -> subject;
        };
    }

    /** How the subject is named in explanations, e.g. {@code pypi flax}. */
    public String label() {
        return source.id() + " " + subject;
    }

    @Override
    public int compareTo(SubjectKey other) {
        return ORDER.compare(this, other);
    }
}
