package dev.ecopulse.stackexchange.service;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ecopulse.collector.testing.RecordingRun;
import dev.ecopulse.collector.testing.TestTime;
import dev.ecopulse.contract.catalog.CatalogLoader;
import dev.ecopulse.stackexchange.support.UpstreamStubs;
import dev.ecopulse.testsupport.InjectWireMock;
import dev.ecopulse.testsupport.KafkaBrokerResource;
import dev.ecopulse.testsupport.VirtualTime;
import dev.ecopulse.testsupport.WireMockResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With an app key configured, every request carries it as the query parameter {@code key}, and nothing else shows it.
 * Without a configured filter, the run creates it first, once.
 */
@QuarkusTest
@TestProfile(KeyedRunIT.Keyed.class)
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(value = WireMockResource.class, initArgs = @ResourceArg(name = WireMockResource.PROPERTIES_ARG,
        value = "ecopulse.stackexchange.url"))
class KeyedRunIT {

    static final String APP_KEY = "Xk3pQ9vLr2Tz8wYb7nMcFa((";

    public static class Keyed implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ecopulse.stackexchange.key", APP_KEY, "ecopulse.stackexchange.filter", "");
        }
    }

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    StackexchangeCollector collector;

    @Inject
    VirtualTime time;

    @Test
    void sendsTheKeyAsAQueryParameterOnEveryRequest() throws Exception {
        wireMock.resetAll();
        TestTime.reset(time);
        UpstreamStubs stubs = new UpstreamStubs(wireMock).tagInfo(StackexchangeObservationIT.ALL_TAGS,
                StackexchangeObservationIT.TOTALS, 9999);
        StackexchangeObservationIT.ASKED.forEach((tag, n) -> stubs.questions(tag, n, 9990).noAnswers(tag, 1, 9990));
        stubs.questions("keras", UpstreamStubs.error(403, "access_denied", "no access"));
        wireMock.stubFor(get(urlPathEqualTo("/2.3/filter/create")).willReturn(UpstreamStubs.ok("""
                {"items":[{"included_fields":[".backoff",".error_id",".error_message",".error_name",".quota_max",
                ".quota_remaining",".total"],"filter_type":"safe","filter":"%s"}],"has_more":false,"quota_max":10000,
                "quota_remaining":9998}""".formatted(UpstreamStubs.FILTER))));
        RecordingRun run = new RecordingRun(collector.targets(CatalogLoader.load(Path.of(
                "src/test/resources/catalog-it.yaml"))));

        collector.collect(run);

        // tag info, the filter, then the first window up to keras: access_denied stops the run
        assertThat(wireMock.getAllServeEvents()).hasSize(7);
        wireMock.verify(7, anyRequestedFor(anyUrl()).withQueryParam("key", equalTo(APP_KEY)));
        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/2.3/filter/create")).withQueryParam("base",
                equalTo("none")).withQueryParam("include", equalTo(".backoff;.error_id;.error_message;.error_name;"
                        + ".quota_max;.quota_remaining;.total")).withQueryParam("unsafe", equalTo("false")));
        assertThat(wireMock.getAllServeEvents()).allMatch(e -> e.getRequest().getHeader("Authorization") == null);
        assertThat(run.errors).contains("Stack Exchange answered access_denied (403): no access to /questions");
        assertThat(String.join("\n", run.errors) + run.statuses + run.published + run.series)
                .doesNotContain(APP_KEY);
    }
}
