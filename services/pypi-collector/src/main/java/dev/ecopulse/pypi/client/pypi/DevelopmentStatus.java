package dev.ecopulse.pypi.client.pypi;

/** The {@code Development Status :: N - Label} trove classifier: 1 Planning ... 5 Production/Stable, 6 Mature, 7 Inactive. */
public record DevelopmentStatus(int level, String label) {
}
