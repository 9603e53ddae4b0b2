package dev.ecopulse.aggregator.scoring;

/** What is scored: one project, or a framework's whole ecosystem of projects. */
public enum Level {
    PROJECT,
    FRAMEWORK
}
