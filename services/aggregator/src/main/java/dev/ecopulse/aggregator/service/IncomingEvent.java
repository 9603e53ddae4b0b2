package dev.ecopulse.aggregator.service;

import dev.ecopulse.contract.event.ObservationSource;
import java.time.Instant;

/** An event from an observation topic as it arrived: an observation or a series, told apart by its ce_type. */
public sealed interface IncomingEvent permits IncomingObservation, IncomingSeries {

    String id();

    ObservationSource source();

    String subject();

    String key();

    Instant time();

    String payload();
}
