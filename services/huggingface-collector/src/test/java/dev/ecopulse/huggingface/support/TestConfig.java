package dev.ecopulse.huggingface.support;

import dev.ecopulse.huggingface.config.HuggingfaceConfig;
import java.time.Duration;
import java.util.Optional;

/** The collector's settings for tests outside CDI: the defaults, with the URL, token and sizes a test chooses. */
public record TestConfig(String url, Optional<String> token, int pageSize, int maxPagesPerFramework, int topModels)
        implements HuggingfaceConfig {

    public static TestConfig of(String url) {
        return new TestConfig(url, Optional.empty(), 3, 10, 5);
    }

    public TestConfig withToken(String value) {
        return new TestConfig(url, Optional.of(value), pageSize, maxPagesPerFramework, topModels);
    }

    public TestConfig withMaxPages(int pages) {
        return new TestConfig(url, token, pageSize, pages, topModels);
    }

    @Override
    public String userAgent() {
        return "ecopulse-huggingface-collector/test";
    }

    @Override
    public int requestsPerSecond() {
        return 5;
    }

    @Override
    public Optional<Integer> requestsPerWindow() {
        return Optional.empty();
    }

    @Override
    public Duration timeout() {
        return Duration.ofSeconds(10);
    }

    @Override
    public int throttleRetries() {
        return 3;
    }

    @Override
    public Duration throttleBackoff() {
        return Duration.ofSeconds(5);
    }

    @Override
    public Duration throttleMaxWait() {
        return Duration.ofSeconds(310);
    }
}
