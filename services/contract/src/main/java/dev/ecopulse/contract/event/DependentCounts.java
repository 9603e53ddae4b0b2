package dev.ecopulse.contract.event;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Packages that depend on a package version, as deps.dev counts them. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DependentCounts(Long direct, Long total) {
}
