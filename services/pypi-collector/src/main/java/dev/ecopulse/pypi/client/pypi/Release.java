package dev.ecopulse.pypi.client.pypi;

import java.time.Instant;

/** One release (version) with files on PyPI: dated by its earliest upload, yanked when every one of its files is. */
public record Release(String version, Instant releasedAt, boolean yanked) {
}
