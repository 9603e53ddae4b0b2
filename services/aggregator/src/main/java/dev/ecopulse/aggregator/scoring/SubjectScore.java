package dev.ecopulse.aggregator.scoring;

import java.time.Instant;
import java.util.List;

/**
 * The maturity and momentum of one project or framework. {@code updatedAt} is the time of the newest observation
 * behind them; {@code projectIds} lists a framework's projects (empty for a project).
 */
public record SubjectScore(String id, Level level, MaturityScore maturity, Momentum momentum, Instant updatedAt,
        List<String> projectIds) {

    public SubjectScore {
        projectIds = List.copyOf(projectIds);
    }
}
