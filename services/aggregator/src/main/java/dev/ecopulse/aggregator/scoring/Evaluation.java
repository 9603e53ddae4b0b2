package dev.ecopulse.aggregator.scoring;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every project's and framework's scores as of one time, in catalog order. {@code dataTime} is the newest
 * observation the scores rest on (null when there is none).
 */
public record Evaluation(Instant dataTime, Map<String, SubjectScore> projects, Map<String, SubjectScore> frameworks) {

    public Evaluation {
        projects = Collections.unmodifiableMap(new LinkedHashMap<>(projects));
        frameworks = Collections.unmodifiableMap(new LinkedHashMap<>(frameworks));
    }
}
