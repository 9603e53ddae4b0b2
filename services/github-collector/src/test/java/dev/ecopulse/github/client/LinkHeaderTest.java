package dev.ecopulse.github.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LinkHeaderTest {

    @Test
    void theLastPageOfAOneItemPageIsTheCount() {
        String link = "<https://api.github.com/repositories/65600975/contributors?per_page=1&anon=1&page=2>;"
                + " rel=\"next\", <https://api.github.com/repositories/65600975/contributors?per_page=1&anon=1"
                + "&page=3845>; rel=\"last\"";

        assertThat(LinkHeader.lastPage(link)).hasValue(3845);
    }

    @Test
    void noLastLinkMeansOnePage() {
        assertThat(LinkHeader.lastPage(null)).isEmpty();
        assertThat(LinkHeader.lastPage("<https://api.github.com/x?page=1>; rel=\"prev\"")).isEmpty();
        assertThat(LinkHeader.lastPage("<https://api.github.com/x?per_page=1>; rel=\"last\"")).isEmpty();
    }
}
