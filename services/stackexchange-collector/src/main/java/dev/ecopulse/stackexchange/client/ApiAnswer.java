package dev.ecopulse.stackexchange.client;

import java.util.List;

/**
 * The common wrapper of every answer, as far as this collector reads it: {@code total} (questions methods, custom
 * filter), the tags of {@code /tags/{tags}/info}, the filter id of {@code /filter/create}, the quota fields, the
 * per-method {@code backoff} in seconds, and the error, if the answer is one. Absent fields are null.
 */
public record ApiAnswer(Long total, List<TagCount> tags, String filter, Integer quotaRemaining, Integer quotaMax,
        Integer backoff, ApiError error) {

    public ApiAnswer {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** One item of {@code /tags/{tags}/info}: the tag and how many questions carry it. */
    public record TagCount(String name, long count) {
    }
}
