package dev.ecopulse.aggregator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import dev.ecopulse.client.ApiClient;
import dev.ecopulse.client.ApiException;
import dev.ecopulse.client.api.FrameworksApi;
import dev.ecopulse.client.model.ComparisonView;
import dev.ecopulse.client.model.Dimension;
import dev.ecopulse.client.model.DimensionScore;
import dev.ecopulse.client.model.FrameworkDetail;
import dev.ecopulse.client.model.FrameworkSummary;
import dev.ecopulse.client.model.Overall;
import dev.ecopulse.client.model.Problem;
import dev.ecopulse.client.model.ProjectSummary;
import dev.ecopulse.client.model.Ranking;
import dev.ecopulse.testsupport.KafkaBrokerResource;
import dev.ecopulse.testsupport.MongoResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Java client generated from the committed docs/api/aggregator.json (module api-client) reads the running API,
 * typed, after the sample ecosystems went through the real broker: the document is a contract a client can rely on.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(MongoResource.class)
class GeneratedClientIT {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final List<String> DIMENSIONS = List.of("adoption", "activity", "community", "models", "research", "stability",
            "reach");
    /** The same observations other tests of this app send: sending them again stores nothing new. */
    private static boolean sent;

    @TestHTTPResource("/")
    URL root;

    FrameworksApi api;

    @BeforeEach
    void scoredKerasAndPaddle() {
        ApiClient client = new ApiClient();
        client.updateBaseUri(root.toString().replaceAll("/$", ""));
        api = new FrameworksApi(client);
        if (!sent) {
            ObservationSender.send(EcosystemData.keras());
            ObservationSender.send(EcosystemData.paddle());
            sent = true;
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(api.listFrameworks())
                .filteredOn(f -> f.getMaturity() != null).extracting(FrameworkSummary::getId)
                .contains("keras", "paddlepaddle"));
    }

    @Test
    void listsEveryFrameworkOfTheCatalogWithItsScore() throws ApiException {
        List<FrameworkSummary> frameworks = api.listFrameworks();

        assertThat(frameworks).extracting(FrameworkSummary::getId)
                .contains("pytorch", "tensorflow", "jax", "keras", "paddlepaddle").doesNotHaveDuplicates();
        FrameworkSummary keras = frameworks.stream().filter(f -> f.getId().equals("keras")).findFirst().orElseThrow();
        assertThat(keras.getName()).isEqualTo("Keras");
        assertThat(keras.getMaturity()).isBetween(0.0, 100.0);
        assertThat(keras.getBand()).isNotBlank();
        assertThat(keras.getCoverage()).isBetween(0.5, 1.0);
        assertThat(keras.getProjects()).isEqualTo(EcosystemData.KERAS.size());
        assertThat(keras.getUpdatedAt().toInstant()).isAfterOrEqualTo(EcosystemData.LAST_RUN);
        assertThat(keras.getShares()).containsKey("downloads30d");
    }

    @Test
    void explainsAFrameworkWhoseContributionsAddUpToItsMaturity() throws ApiException {
        FrameworkDetail keras = api.getFramework("keras");

        assertThat(keras.getId()).isEqualTo("keras");
        assertThat(keras.getHomepage()).isEqualTo("https://keras.io");
        double maturity = keras.getMaturity().getMaturity();
        assertThat(maturity).isBetween(0.0, 100.0);
        List<DimensionScore> dimensions = keras.getMaturity().getDimensions();
        assertThat(dimensions).extracting(DimensionScore::getId).containsExactlyElementsOf(DIMENSIONS);
        assertThat(dimensions).allSatisfy(d -> assertThat(d.getScore()).isBetween(0.0, 100.0));
        assertThat(dimensions.stream().mapToDouble(DimensionScore::getContribution).sum())
                .isCloseTo(maturity, Offset.offset(0.05));
        assertThat(keras.getProjects()).extracting(ProjectSummary::getId).contains("keras-core", "autokeras");
    }

    @Test
    void comparesTwoFrameworksAndRanksThem() throws ApiException {
        ComparisonView comparison = api.compareFrameworks("keras,paddlepaddle");

        assertThat(comparison.getFrameworks()).containsExactly("keras", "paddlepaddle");
        Map<String, Overall> overall = comparison.getOverall();
        assertThat(overall).containsOnlyKeys("keras", "paddlepaddle");
        assertThat(overall.get("paddlepaddle").getName()).isEqualTo("PaddlePaddle");
        assertThat(overall.values()).allSatisfy(o -> assertThat(o.getMaturity()).isBetween(0.0, 100.0));
        Ranking byMaturity = comparison.getRankings().get(0);
        assertThat(byMaturity.getMeasure()).isEqualTo("maturity");
        assertThat(byMaturity.getOrder().stream().flatMap(List::stream))
                .containsExactlyInAnyOrder("keras", "paddlepaddle");
        assertThat(comparison.getDimensions()).extracting(Dimension::getId).containsExactlyElementsOf(DIMENSIONS);
    }

    @Test
    void anUnknownFrameworkIsATypedNotFoundProblem() throws Exception {
        ApiException e = catchThrowableOfType(ApiException.class, () -> api.getFramework("cntk"));

        assertThat(e.getCode()).isEqualTo(404);
        assertThat(e.getResponseHeaders().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        Problem problem = new ApiClient().getObjectMapper().readValue(e.getResponseBody(), Problem.class);
        assertThat(problem.getStatus()).isEqualTo(404);
        assertThat(problem.getTitle()).isEqualTo("Not Found");
        assertThat(problem.getDetail()).isEqualTo("no framework 'cntk' in the catalog");
        assertThat(problem.getInstance()).isEqualTo("/api/v1/frameworks/cntk");
    }

    @Test
    void aComparisonOfOneFrameworkIsATypedBadRequest() throws Exception {
        ApiException e = catchThrowableOfType(ApiException.class, () -> api.compareFrameworks("keras"));

        assertThat(e.getCode()).isEqualTo(400);
        Problem problem = new ApiClient().getObjectMapper().readValue(e.getResponseBody(), Problem.class);
        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getDetail()).isEqualTo(
                "query parameter 'frameworks': a comma-separated list of 2 to 10 framework ids, got 1");
    }
}
