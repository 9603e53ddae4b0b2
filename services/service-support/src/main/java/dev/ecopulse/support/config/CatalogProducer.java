package dev.ecopulse.support.config;

import dev.ecopulse.contract.catalog.Catalog;
import dev.ecopulse.contract.catalog.CatalogLoader;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/** Loads and validates the catalog at start: an invalid catalog stops the service with every problem named. */
public class CatalogProducer {

    private static final Logger LOG = Logger.getLogger(CatalogProducer.class);

    /** Loaded before anything else starts, so a bad catalog is the first and only thing reported. */
    @Produces
    @Singleton
    @Startup(Integer.MIN_VALUE)
    Catalog catalog(CatalogConfig config) {
        Catalog catalog = CatalogLoader.load(config.path());
        LOG.infof("Catalog %s: %d frameworks, %d projects", catalog.origin(), catalog.frameworks().size(),
                catalog.projects().size());
        return catalog;
    }
}
