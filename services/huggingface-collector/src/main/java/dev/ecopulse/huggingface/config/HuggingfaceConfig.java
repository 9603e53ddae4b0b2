package dev.ecopulse.huggingface.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The Hugging Face Hub's API: where it is, who asks, how much to read and how to stay inside its 5-minute buckets. */
@ConfigMapping(prefix = "ecopulse.huggingface")
public interface HuggingfaceConfig {

    /** Anonymous callers get 500 API requests per 5-minute window and IP, free accounts 1,000 (Hub docs, Sept. 2025). */
    int ANONYMOUS_QUOTA = 500;
    int TOKEN_QUOTA = 1000;

    /** Base URL of the Hub ({@code /api/models}). */
    @WithDefault("https://huggingface.co")
    String url();

    /** An access token ({@code HF_TOKEN}), sent as {@code Authorization: Bearer}; without one the Hub is asked anonymously. */
    Optional<String> token();

    @WithDefault("ecopulse-huggingface-collector/0.1.0 (+https://ecopulse.dev)")
    String userAgent();

    /** Models asked per page ({@code limit}); the Hub may answer fewer, the {@code Link} header still leads on. */
    @WithDefault("1000")
    int pageSize();

    /**
     * Most pages read for one framework's tags in one run: 500,000 models at the default page size, meant to cover the
     * largest library tag of the default catalog ({@code pytorch}) whole while keeping a run inside two anonymous
     * buckets. Beyond it {@code tagged} is missing with the reason; the windows reached are still counted.
     */
    @WithDefault("500")
    int maxPagesPerFramework();

    /** How many of the Hub's most downloaded models (30-day downloads) the frameworks' shares are measured over. */
    @WithDefault("1000")
    int topModels();

    /** Most requests per second: the Hub asks for none, but a bucket of 500 per 5 minutes is 1.7 a second. */
    @WithDefault("5")
    int requestsPerSecond();

    /** Requests allowed per 5-minute window; unset: 500 anonymous, 1,000 with a token (a free account). */
    Optional<Integer> requestsPerWindow();

    /** Longest wait for one answer (a page of 1,000 models is a few hundred kilobytes). */
    @WithDefault("60s")
    Duration timeout();

    /** How many 429s in a row one request may get and still be asked again. */
    @WithDefault("3")
    int throttleRetries();

    /**
     * First wait after a 429 telling neither {@code Retry-After} nor the {@code RateLimit} reset (doubling after each
     * further one); also the wait before the single retry of a request that got no answer or a 5xx.
     */
    @WithDefault("5s")
    Duration throttleBackoff();

    /** Longest single wait after a 429 or for a used-up bucket: a fixed window is never longer than 5 minutes. */
    @WithDefault("310s")
    Duration throttleMaxWait();

    /** Whether a token is configured (blank counts as none). */
    default boolean authorized() {
        return token().filter(t -> !t.isBlank()).isPresent();
    }

    /** The bucket the pacer keeps to: the configured one, else the Hub's published one for the mode. */
    default int quota() {
        return requestsPerWindow().orElse(authorized() ? TOKEN_QUOTA : ANONYMOUS_QUOTA);
    }
}
