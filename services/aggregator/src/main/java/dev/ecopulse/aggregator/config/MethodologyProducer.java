package dev.ecopulse.aggregator.config;

import dev.ecopulse.aggregator.scoring.Methodology;
import dev.ecopulse.aggregator.scoring.MethodologyLoader;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/** Loads and validates the scoring methodology at start: an invalid one stops the service with every problem named. */
public class MethodologyProducer {

    private static final Logger LOG = Logger.getLogger(MethodologyProducer.class);

    @Produces
    @Singleton
    @Startup(Integer.MIN_VALUE + 1)
    Methodology methodology(MethodologyConfig config) {
        Methodology methodology = MethodologyLoader.load(config.path());
        LOG.infof("Scoring methodology %s from %s: %d project and %d framework signals", methodology.version(),
                methodology.origin(), methodology.project().signals().count(),
                methodology.framework().signals().count());
        return methodology;
    }
}
