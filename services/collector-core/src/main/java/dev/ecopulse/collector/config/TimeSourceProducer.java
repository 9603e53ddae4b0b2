package dev.ecopulse.collector.config;

import dev.ecopulse.contract.time.TimeSource;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Real time for the collector; tests put virtual time in its place. */
class TimeSourceProducer {

    @Produces
    @DefaultBean
    @Singleton
    TimeSource time() {
        return TimeSource.system();
    }
}
