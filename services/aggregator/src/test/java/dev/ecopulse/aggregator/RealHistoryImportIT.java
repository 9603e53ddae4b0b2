package dev.ecopulse.aggregator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.ecopulse.aggregator.repository.FlowRepository;
import dev.ecopulse.testsupport.KafkaBrokerResource;
import dev.ecopulse.testsupport.MongoResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The real PyPI downloads of 2018 to 2023 imported into an app of its own (it touches most projects, so the other
 * tests' expectations stay apart): every catalog package's rows stored once, the history present at the real dates.
 */
@QuarkusTest
@TestProfile(RealHistoryImportIT.OwnApp.class)
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(MongoResource.class)
class RealHistoryImportIT {

    /** Another profile: another app, another store. */
    public static class OwnApp implements QuarkusTestProfile {
    }

    @Inject
    FlowRepository repository;

    @Test
    void importsTheRealDownloadsOnceWithHistoryAtTheirDates() throws Exception {
        String csv = ImportIT.resource("/real/pypi-30d-downloads-2018-2023.csv");

        ImportIT.importCsv(csv).statusCode(200)
                .body("rows", equalTo(2946))
                .body("series", equalTo(38))
                .body("flows", equalTo(2085))
                .body("flowsStored", equalTo(2085))
                .body("flowsUnchanged", equalTo(0))
                .body("skippedPackages", equalTo(List.of("accelerate", "diffusers", "huggingface-hub", "keras-nlp",
                        "numpy", "onnx", "safetensors", "scikit-learn", "tensorflow-cpu", "tensorflow-gpu",
                        "tensorflow-intel", "tensorflow-io", "torchmetrics", "torchtext")))
                .body("firstDayAffected", equalTo("2018-01-08"));
        assertThat(repository.count()).isEqualTo(2085);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given()
                .get("/api/v1/frameworks/pytorch/history?from=2018-01-01&to=2018-12-31").then().statusCode(200)
                .body("points.date", hasItems("2018-02-07", "2018-02-10", "2018-03-04")));

        // momentum comes from the flows alone; maturity needs observations, which this app has none of (the rescore
        // runs through the years day by day, so the later days may come a little after the first)
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given()
                .get("/api/v1/frameworks/pytorch/history?from=2019-06-01&to=2019-07-15").then().statusCode(200)
                .body("points.find { it.date == '2019-06-07' }.momentum30", notNullValue())
                .body("points.find { it.date == '2019-06-07' }.flowShares30.downloads", notNullValue())
                .body("points.find { it.date == '2019-06-07' }.maturity", nullValue()));
        ImportIT.importCsv(csv).statusCode(200)
                .body("flowsStored", equalTo(0))
                .body("flowsUnchanged", equalTo(2085))
                .body("firstDayAffected", nullValue());
        assertThat(repository.count()).isEqualTo(2085);
    }
}
