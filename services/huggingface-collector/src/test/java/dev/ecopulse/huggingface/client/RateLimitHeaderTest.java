package dev.ecopulse.huggingface.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RateLimitHeaderTest {

    @Test
    void readsTheApiBucketAndItsPolicy() {
        assertThat(RateLimitHeader.parse("\"api\";r=487;t=213", "\"fixed window\";\"api\";q=500;w=300"))
                .contains(new RateLimitHeader("api", 487, Duration.ofSeconds(213), OptionalLong.of(500)));
    }

    @Test
    void picksTheApiBucketAmongSeveral() {
        RateLimitHeader bucket = RateLimitHeader.parse("\"resolvers\";r=2999;t=10, \"api\";r=0;t=55",
                "\"fixed window\";\"resolvers\";q=3000;w=300, \"fixed window\";\"api\";q=1000;w=300").orElseThrow();

        assertThat(bucket.remaining()).isZero();
        assertThat(bucket.exhausted()).isTrue();
        assertThat(bucket.quota()).hasValue(1000);
    }

    @Test
    void withoutAPolicyTheQuotaIsUnknown() {
        RateLimitHeader bucket = RateLimitHeader.parse("api;r=3;t=9", null).orElseThrow();

        assertThat(bucket.quota()).isEmpty();
        assertThat(bucket.describe()).isEqualTo("3 requests left in this 5-minute window, reset in 9 s");
    }

    @Test
    void unreadableHeadersAreIgnored() {
        assertThat(RateLimitHeader.parse(null, null)).isEmpty();
        assertThat(RateLimitHeader.parse("\"api\";r=lots", null)).isEmpty();
        assertThat(RateLimitHeader.parse("\"api\";t=30", null)).isEmpty();
    }
}
