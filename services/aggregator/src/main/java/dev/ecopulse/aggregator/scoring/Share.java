package dev.ecopulse.aggregator.scoring;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A framework's share of the catalog-wide total of one adoption or activity flow, in percent (null when the catalog
 * has no data for it). Shares do not saturate the way scores against a threshold do, and they cancel movements of the
 * whole upstream (a change in how it counts, a seasonal dip). {@code dataShare}: how much of the framework's
 * attributed projects had the value; {@code note} says what was missing.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Share(Double percent, double dataShare, String note) {
}
