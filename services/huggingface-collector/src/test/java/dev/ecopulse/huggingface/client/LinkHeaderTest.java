package dev.ecopulse.huggingface.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class LinkHeaderTest {

    static final URI PAGE = URI.create("https://huggingface.co/api/models?filter=jax&limit=1000");

    @Test
    void findsTheNextLinkAmongOthers() {
        String header = "<https://huggingface.co/api/models?filter=jax&limit=1000&cursor=eyJhIjoxfQ%3D%3D>; rel=\"prev\","
                + " <https://huggingface.co/api/models?filter=jax&limit=1000&cursor=eyJiIjoyfQ%3D%3D>; rel=\"next\"";

        assertThat(LinkHeader.next(header, PAGE)).contains(URI.create(
                "https://huggingface.co/api/models?filter=jax&limit=1000&cursor=eyJiIjoyfQ%3D%3D"));
    }

    @Test
    void resolvesARelativeLink() {
        assertThat(LinkHeader.next("</api/models?cursor=abc>; rel=next", PAGE))
                .contains(URI.create("https://huggingface.co/api/models?cursor=abc"));
    }

    @Test
    void noNextLinkMeansTheLastPage() {
        assertThat(LinkHeader.next(null, PAGE)).isEmpty();
        assertThat(LinkHeader.next("<https://huggingface.co/api/models?cursor=a>; rel=\"prev\"", PAGE)).isEmpty();
        assertThat(LinkHeader.next("garbage", PAGE)).isEmpty();
    }
}
