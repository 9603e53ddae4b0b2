package dev.ecopulse.aggregator.scoring;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The maturity and momentum of one project or framework. {@code updatedAt} is the time of the newest observation
 * behind them; {@code projectIds} lists a framework's projects and {@code shares} its share of each catalog-wide
 * flow (both empty for a project).
 */
public record SubjectScore(String id, Level level, MaturityScore maturity, Momentum momentum, Instant updatedAt,
        List<String> projectIds, Map<String, Share> shares) {

    public SubjectScore {
        projectIds = List.copyOf(projectIds);
        shares = shares == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(shares));
    }
}
