package dev.ecopulse.aggregator.config;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether the observations are sample data (the local stack's offline mode replays invented upstream answers), so
 * that every reader of the scores is told.
 */
@ApplicationScoped
public class DataNotice {

    public static final String SAMPLE_DATA = "SAMPLE DATA: the observations behind these scores are invented numbers "
            + "replayed by the offline sample mode, not measurements of GitHub, PyPI, pypistats, Maven Central, "
            + "deps.dev, npm, the Hugging Face Hub, Stack Exchange or OpenAlex.";

    private final boolean sampleData;

    DataNotice(@ConfigProperty(name = "ecopulse.sample-data", defaultValue = "false") boolean sampleData) {
        this.sampleData = sampleData;
    }

    public static DataNotice of(boolean sampleData) {
        return new DataNotice(sampleData);
    }

    /** The notice to show next to the scores; empty for collected data. */
    public Optional<String> text() {
        return sampleData ? Optional.of(SAMPLE_DATA) : Optional.empty();
    }
}
