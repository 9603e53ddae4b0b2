/**
 * Scoring as pure computation, in the order it runs (entry point
 * {@link dev.ecopulse.aggregator.scoring.Scoring#evaluate}):
 * <ol>
 * <li>inputs: {@link dev.ecopulse.aggregator.scoring.HistorySnapshot} (per subject and day the latest observation, and
 * the latest complete one) gives each project its {@link dev.ecopulse.aggregator.scoring.ProjectInputs};</li>
 * <li>project signals: {@link dev.ecopulse.aggregator.scoring.ProjectSignals} reads each field through
 * {@link dev.ecopulse.aggregator.scoring.SubjectValue} (carried forward until {@code staleAfter}), counts companion
 * packages once ({@link dev.ecopulse.aggregator.scoring.CompanionGroups}) and marks what cannot apply;</li>
 * <li>framework signals: {@link dev.ecopulse.aggregator.scoring.FrameworkSignals} sums by attribution and weighs
 * medians and means by {@link dev.ecopulse.aggregator.scoring.AdoptionWeights};
 * {@link dev.ecopulse.aggregator.scoring.Shares} takes each framework's share of the catalog-wide flows;</li>
 * <li>scores: {@link dev.ecopulse.aggregator.scoring.MaturityScorer} (missing counts 0, not applicable is left out)
 * and {@link dev.ecopulse.aggregator.scoring.MomentumCalculator};</li>
 * <li>result: an {@link dev.ecopulse.aggregator.scoring.Evaluation} of every project and framework.</li>
 * </ol>
 * What counts and how much comes from the {@link dev.ecopulse.aggregator.scoring.Methodology} file; docs/scoring.md
 * explains all of it.
 */
package dev.ecopulse.aggregator.scoring;
