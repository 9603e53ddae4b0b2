package dev.ecopulse.aggregator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import dev.ecopulse.aggregator.repository.FlowRepository;
import dev.ecopulse.contract.event.EventJson;
import dev.ecopulse.contract.event.Observation;
import dev.ecopulse.contract.event.SeriesObservation;
import dev.ecopulse.testsupport.KafkaBrokerResource;
import dev.ecopulse.testsupport.MongoResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Operators import real history over REST: checked first, stored once, applied like series events. */
@QuarkusTest
@TestProfile(WithFlows.class)
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(MongoResource.class)
class ImportIT {

    static final String KEY = "test-admin-key-0123456789";
    static final String PATH = "/api/v1/admin/import";

    @Inject
    FlowRepository repository;

    @TestHTTPResource(PATH)
    URI importUri;

    @Test
    void importsADownloadsCsvOnceAndHasHistoryAtItsDates() throws IOException {
        String csv = resource("/imports/downloads-small.csv");

        importCsv(csv).statusCode(200)
                .body("rows", equalTo(7))
                .body("series", equalTo(2))
                .body("flows", equalTo(6))
                .body("flowsStored", equalTo(6))
                .body("flowsUnchanged", equalTo(0))
                .body("skippedPackages", equalTo(List.of("numpy")))
                .body("firstDayAffected", equalTo("2022-12-08"));
        assertThat(repository.countByProject("tensorflow-hub")).isEqualTo(3);
        assertThat(repository.countByProject("tensorflow-datasets")).isEqualTo(3);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .get("/api/v1/frameworks/tensorflow/history?from=2023-01-01&to=2023-03-31").then().statusCode(200)
                .body("points.date", hasItems("2023-01-07", "2023-02-07", "2023-03-07")));

        // the same file again: nothing stored, nothing to rescore
        importCsv(csv).statusCode(200)
                .body("flowsStored", equalTo(0))
                .body("flowsUnchanged", equalTo(6))
                .body("firstDayAffected", nullValue());
        assertThat(repository.countByProject("tensorflow-hub")).isEqualTo(3);
    }

    @Test
    void refusesACsvWithABadLineNamingItAndStoresNothing() throws IOException {
        problem(importCsv(resource("/imports/downloads-bad-line.csv")), 400, "line 3: snapshot_date must be a date"
                + " (YYYY-MM-DD) and downloads_30d a whole number: '2023-02-07,tensorflowjs,two hundred thousand'");
        assertThat(repository.countByProject("tfjs")).isZero();
    }

    @Test
    void importsNdjsonSeriesEventsAsImportsAndRefusesABadLine() {
        SeriesObservation series = SeriesSender.dailyDownloads("tensorflow-core", "tensorflow",
                LocalDate.parse("2023-05-01"), 4, 7_000, Instant.parse("2023-06-01T00:00:00Z"));
        String line = "{\"type\":\"dev.ecopulse.pypi.series.v1\",\"data\":" + SeriesSender.json(series) + "}";
        String foreign = line.replace("\"projectId\":\"tensorflow-core\"", "\"projectId\":\"tfx\"");

        problem(importNdjson(line + "\n" + foreign + "\n"), 400,
                "line 2: pypi subject 'tensorflow' is not one of project 'tfx' in the catalog");
        assertThat(repository.countByProject("tensorflow-core")).isZero();

        importNdjson(line + "\n\n").statusCode(200)
                .body("rows", equalTo(1))
                .body("series", equalTo(1))
                .body("flowsStored", equalTo(4))
                .body("firstDayAffected", equalTo("2023-05-01"));
        double imported = Metrics.sum("ecopulse_aggregator_flows_stored_total", "origin=\"import\"");
        assertThat(imported).isGreaterThanOrEqualTo(4);
        importNdjson("{\"type\":\"dev.ecopulse.pypi.observation.v1\",\"data\":{}}").statusCode(400)
                .body("detail", org.hamcrest.Matchers.startsWith("line 1: payload does not match the"
                        + " dev.ecopulse.pypi.observation.v1 schema: "))
                .body("detail", org.hamcrest.Matchers.containsString("required property 'packageName' not found"));
        problem(importNdjson("{\"type\":\"dev.ecopulse.pypi.score.v1\",\"data\":{}}"), 400,
                "line 1: type 'dev.ecopulse.pypi.score.v1' is not a contract event type"
                        + " (dev.ecopulse.<github|pypi|maven>.series.v1 or .observation.v1)");
    }

    @Test
    void importsPastObservationsSoTheirDayHasAMaturityOnceOnly() {
        Instant at = Instant.parse("2022-03-01T12:00:00Z");
        Observation observation = TestObservations.pypi("tfx", "tfx", at).build();
        String line = "{\"type\":\"" + observation.source().eventType() + "\",\"data\":"
                + new String(EventJson.write(observation), StandardCharsets.UTF_8) + "}";

        importNdjson(line + "\n").statusCode(200)
                .body("observations", equalTo(1))
                .body("observationsStored", equalTo(1))
                .body("firstDayAffected", equalTo("2022-03-01"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .get("/api/v1/frameworks/tensorflow/history?from=2022-03-01&to=2022-03-01").then().statusCode(200)
                .body("points[0].date", equalTo("2022-03-01"))
                .body("points[0].maturity", org.hamcrest.Matchers.notNullValue()));
        importNdjson(line + "\n").statusCode(200).body("observationsStored", equalTo(0));
        // one from the future is refused, as from a topic
        importNdjson(line.replace("2022-03-01T12:00:00Z", "2099-03-01T12:00:00Z")).statusCode(400)
                .body("detail", org.hamcrest.Matchers.startsWith("line 1: observedAt 2099-03-01T12:00:00Z is in the"
                        + " future"));
    }

    @Test
    void refusesWithoutTheAdminKey() {
        problem(given().contentType("text/csv").body("snapshot_date,package,downloads_30d\n").post(PATH), 401,
                "missing X-Api-Key header");
        problem(given().header("X-Api-Key", "guess").contentType("text/csv")
                .body("snapshot_date,package,downloads_30d\n").post(PATH), 401, "wrong X-Api-Key");
    }

    @Test
    void refusesOtherMediaTypes() {
        problem(given().header("X-Api-Key", KEY).contentType("application/json").body("{}").post(PATH), 415,
                "send the body as text/csv or application/x-ndjson");
    }

    @Test
    void refusesABodyOverTheLimitWhetherItsLengthIsDeclaredOrNot() throws Exception {
        byte[] header = "snapshot_date,package,downloads_30d\n".getBytes(StandardCharsets.UTF_8);
        byte[] large = new byte[20 * 1024 * 1024 + 1];
        Arrays.fill(large, (byte) '\n');
        System.arraycopy(header, 0, large, 0, header.length);
        String detail = "the body is larger than 20971520 bytes (ecopulse.import.max-size): split the input;"
                + " importing the parts in any order gives the same result";
        HttpClient client = HttpClient.newHttpClient();
        for (HttpRequest.BodyPublisher body : List.of(HttpRequest.BodyPublishers.ofByteArray(large),
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(large)))) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(importUri)
                    .header("X-Api-Key", KEY).header("Content-Type", "text/csv").POST(body).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("declared length %s", body.contentLength()).isEqualTo(413);
            assertThat(response.body()).contains("\"detail\":\"" + detail + "\"");
        }
    }

    static ValidatableResponse importCsv(String csv) {
        return given().header("X-Api-Key", KEY).contentType("text/csv").body(csv).post(PATH).then();
    }

    static ValidatableResponse importNdjson(String lines) {
        return given().header("X-Api-Key", KEY).contentType("application/x-ndjson")
                .body(lines.getBytes(StandardCharsets.UTF_8)).post(PATH).then();
    }

    static void problem(ValidatableResponse response, int status, String detail) {
        response.statusCode(status).contentType("application/problem+json").body("status", equalTo(status))
                .body("detail", equalTo(detail)).body("instance", equalTo(PATH));
    }

    static void problem(io.restassured.response.Response response, int status, String detail) {
        problem(response.then(), status, detail);
    }

    static String resource(String name) throws IOException {
        try (InputStream in = ImportIT.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
