package dev.ecopulse.github.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecopulse.testsupport.CommittedOpenApi;
import dev.ecopulse.testsupport.KafkaBrokerResource;
import dev.ecopulse.testsupport.WireMockResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The collector's admin API (collector-core's, checked operation by operation in the pypi-collector) is the one
 * committed in docs/api.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(value = WireMockResource.class,
        initArgs = @ResourceArg(name = WireMockResource.PROPERTIES_ARG, value = "ecopulse.github.api-url"))
class OpenApiDocumentIT {

    static final Path COMMITTED = Path.of("../../docs/api/github-collector.json");

    @Test
    void theServedDocumentIsTheCommittedOne() {
        String served = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString();
        CommittedOpenApi.assertMatches(served, COMMITTED);
        assertThat(served).contains("\"title\" : \"ecopulse github-collector admin API\"");
    }
}
