package dev.ecopulse.research.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import java.time.LocalDate;

/** Stubs OpenAlex's {@code /works} counts in its real format, headers included. */
public final class UpstreamStubs {

    public static final String WORKS = "/works";

    private final WireMockServer wireMock;

    public UpstreamStubs(WireMockServer wireMock) {
        this.wireMock = wireMock;
    }

    /** Every count of {@code search} answers {@code answer}. */
    public UpstreamStubs search(String search, ResponseDefinitionBuilder answer) {
        wireMock.stubFor(get(urlPathEqualTo(WORKS)).withQueryParam("search", equalTo(search)).willReturn(answer));
        return this;
    }

    /** The count of {@code search} between the dates (both inclusive) answers {@code answer}. */
    public UpstreamStubs count(String search, LocalDate from, LocalDate through, ResponseDefinitionBuilder answer) {
        wireMock.stubFor(dated(search, from, through).willReturn(answer));
        return this;
    }

    public static MappingBuilder dated(String search, LocalDate from, LocalDate through) {
        return get(urlPathEqualTo(WORKS)).withQueryParam("search", equalTo(search))
                .withQueryParam("filter", equalTo(filter(from, through))).atPriority(1);
    }

    public static RequestPatternBuilder asked(String search) {
        return com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo(WORKS))
                .withQueryParam("search", equalTo(search));
    }

    public static String filter(LocalDate from, LocalDate through) {
        return "from_publication_date:" + from + ",to_publication_date:" + through;
    }

    /** A list answer counting {@code count} works, with OpenAlex's usage headers ({@code remaining} dollars left). */
    public static ResponseDefinitionBuilder works(long count, String remaining) {
        return usage(aResponse().withStatus(200), remaining)
                .withBody(Fixtures.read("openalex/works-count.json").replace("18734", Long.toString(count)));
    }

    public static ResponseDefinitionBuilder works(long count) {
        return works(count, "0.917");
    }

    /** 403: "rate limit exceeded; slow down". */
    public static ResponseDefinitionBuilder slowDown() {
        return usage(aResponse().withStatus(403), "0.9")
                .withBody("{\"error\": \"Rate limit exceeded\", \"message\": \"Too many requests per second\"}");
    }

    /** 429: the day's allowance is spent. */
    public static ResponseDefinitionBuilder dailyLimit() {
        return usage(aResponse().withStatus(429), "0").withHeader("Retry-After", "41400")
                .withBody("{\"error\": \"Rate limit exceeded\", \"message\": \"Daily budget of $1.00 exceeded."
                        + " Resets at midnight UTC.\"}");
    }

    /** 400 naming the field, as OpenAlex names a bad filter. */
    public static ResponseDefinitionBuilder badFilter() {
        return aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody(Fixtures.read("openalex/invalid-filter.json"));
    }

    private static ResponseDefinitionBuilder usage(ResponseDefinitionBuilder answer, String remaining) {
        return answer.withHeader("Content-Type", "application/json")
                .withHeader("X-RateLimit-Limit-USD", "1")
                .withHeader("X-RateLimit-Remaining-USD", remaining)
                .withHeader("X-RateLimit-Cost-USD", "0.001")
                .withHeader("X-RateLimit-Reset", "41400");
    }
}
