package dev.ecopulse.aggregator.scoring;

/** The signals of one project and the facts about it that framework scoring uses. */
public record ProjectEvidence(SignalSet signals, ProjectFacts facts) {
}
