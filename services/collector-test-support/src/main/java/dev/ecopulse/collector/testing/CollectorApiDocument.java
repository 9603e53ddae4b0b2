package dev.ecopulse.collector.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The admin API every collector takes from collector-core, as its OpenAPI document must describe it. */
public final class CollectorApiDocument {

    private CollectorApiDocument() {
    }

    /** The OpenAPI document the collector under test serves, as JSON. */
    public static String served() {
        return given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString();
    }

    /**
     * Starting a run needs the admin key and reading does not, problems and headers are described, and the title names
     * the service.
     */
    public static void assertDescribesTheAdminApi(String servedJson, String serviceName)
            throws JsonProcessingException {
        JsonNode doc = new ObjectMapper().readTree(servedJson);
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
        assertThat(doc.at("/info/title").asText()).isEqualTo("ecopulse " + serviceName + " admin API");
    }
}
