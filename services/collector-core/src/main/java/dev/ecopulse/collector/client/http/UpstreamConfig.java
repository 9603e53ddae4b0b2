package dev.ecopulse.collector.client.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits every upstream exchange of a collector obeys, whatever the upstream. */
@ConfigMapping(prefix = "ecopulse.upstream")
public interface UpstreamConfig {

    /**
     * Largest body accepted, counted both as sent (compressed) and after decompression: a larger one (or a gzip bomb)
     * is refused without being read into memory.
     */
    @WithDefault("32M")
    MemorySize maxBodySize();

    /** Allows credentials to be sent over plain http; for tests against local stubs only. */
    @WithDefault("false")
    boolean allowInsecure();
}
