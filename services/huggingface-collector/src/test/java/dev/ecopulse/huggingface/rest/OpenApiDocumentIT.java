package dev.ecopulse.huggingface.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecopulse.testsupport.CommittedOpenApi;
import dev.ecopulse.testsupport.KafkaBrokerResource;
import dev.ecopulse.testsupport.WireMockResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The collector's admin API is described completely, and the description is the one committed in docs/api. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(value = WireMockResource.class, initArgs = @ResourceArg(name = WireMockResource.PROPERTIES_ARG,
        value = "ecopulse.huggingface.url"))
class OpenApiDocumentIT {

    static final Path COMMITTED = Path.of("../../docs/api/huggingface-collector.json");

    @Test
    void theServedDocumentIsTheCommittedOne() {
        CommittedOpenApi.assertMatches(served(), COMMITTED);
    }

    @Test
    void startingARunNeedsTheAdminKeyAndReadingDoesNot() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(served());
        JsonNode scheme = doc.at("/components/securitySchemes/adminKey");
        assertThat(scheme.get("type").asText()).isEqualTo("apiKey");
        assertThat(scheme.get("in").asText()).isEqualTo("header");
        assertThat(scheme.get("name").asText()).isEqualTo("X-Api-Key");

        JsonNode start = doc.at("/paths/~1api~1v1~1collect/post");
        assertThat(start.get("operationId").asText()).isEqualTo("startCollection");
        assertThat(start.at("/security/0/adminKey").isArray()).isTrue();
        assertThat(start.at("/responses/202/headers/Location").isMissingNode()).isFalse();
        assertThat(start.at("/responses/429/headers/Retry-After").isMissingNode()).isFalse();
        for (String status : new String[] {"401", "409", "429"}) {
            assertThat(start.at("/responses/" + status + "/content/application~1problem+json/schema").isMissingNode())
                    .as("problem %s", status).isFalse();
        }

        JsonNode list = doc.at("/paths/~1api~1v1~1collect/get");
        JsonNode run = doc.at("/paths/~1api~1v1~1collect~1{runId}/get");
        assertThat(list.get("operationId").asText()).isEqualTo("listRuns");
        assertThat(run.get("operationId").asText()).isEqualTo("getRun");
        assertThat(list.get("security")).as("a public read").hasSize(1).allMatch(JsonNode::isEmpty);
        assertThat(run.at("/responses/404/content/application~1problem+json/schema").isMissingNode()).isFalse();
        assertThat(doc.at("/info/title").asText()).isEqualTo("ecopulse huggingface-collector admin API");
    }

    private static String served() {
        return given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString();
    }
}
