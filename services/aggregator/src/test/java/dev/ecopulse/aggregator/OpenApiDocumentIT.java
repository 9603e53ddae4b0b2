package dev.ecopulse.aggregator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecopulse.aggregator.scoring.Methodology;
import dev.ecopulse.testsupport.CommittedOpenApi;
import dev.ecopulse.testsupport.KafkaBrokerResource;
import dev.ecopulse.testsupport.MongoResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The served OpenAPI document is a typed contract, and it is the one committed in docs/api. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(MongoResource.class)
class OpenApiDocumentIT {

    static final Path COMMITTED = Path.of("../../docs/api/aggregator.json");

    @Inject
    Methodology methodology;

    @Test
    void theServedDocumentIsTheCommittedOne() {
        CommittedOpenApi.assertMatches(served(), COMMITTED);
    }

    @Test
    void everyOperationIsNamedTypedAndListsItsProblems() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(served());
        List<String> ids = new ArrayList<>();
        doc.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            JsonNode operation = op.getValue();
            ids.add(operation.get("operationId").asText());
            if (path.getKey().startsWith("/api/v1/admin/")) {
                return; // administrative writes: checked below
            }
            JsonNode ok = operation.at("/responses/200");
            assertThat(ok.at("/content/application~1json/schema").isMissingNode())
                    .as("typed 200 of %s", path.getKey()).isFalse();
            assertThat(ok.at("/headers/ETag/$ref").asText()).isEqualTo("#/components/headers/ETag");
            assertThat(operation.at("/responses/304/$ref").asText()).isEqualTo("#/components/responses/NotModified");
            assertThat(operation.at("/responses/406/$ref").asText())
                    .isEqualTo("#/components/responses/NotAcceptable");
            assertThat(operation.has("security")).as("%s keeps the public default", path.getKey()).isFalse();
        }));
        assertThat(doc.get("security")).as("every read is public").isNotNull().isEmpty();
        assertThat(ids).containsExactlyInAnyOrder("listFrameworks", "getFramework", "getFrameworkHistory",
                "compareFrameworks", "listProjects", "getProject", "listProjectObservations",
                "listFrameworkObservations", "getMethodology", "importSeries");
        assertThat(doc.at("/components/responses/NotFound/content/application~1problem+json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(doc.at("/components/responses/NotReady/headers/Retry-After/$ref").asText())
                .isEqualTo("#/components/headers/RetryAfter");
        assertThat(doc.at("/paths/~1api~1v1~1projects~1{id}~1observations/get/responses/200/headers/Link/$ref")
                .asText()).isEqualTo("#/components/headers/Link");
        assertThat(doc.at("/components/schemas/FrameworkDetail/properties").size()).isPositive();
    }

    @Test
    void theImportNeedsTheAdminKeyAndListsItsProblems() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(served());
        assertThat(doc.at("/components/securitySchemes/adminKey/in").asText()).isEqualTo("header");
        assertThat(doc.at("/components/securitySchemes/adminKey/name").asText()).isEqualTo("X-Api-Key");
        JsonNode imports = doc.at("/paths/~1api~1v1~1admin~1import/post");
        assertThat(imports.at("/security/0/adminKey").isArray()).isTrue();
        assertThat(imports.at("/requestBody/content").has("text/csv")).isTrue();
        assertThat(imports.at("/requestBody/content").has("application/x-ndjson")).isTrue();
        assertThat(imports.at("/responses/200/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/ImportSummary");
        for (String status : List.of("400", "401", "413", "415", "503")) {
            assertThat(imports.at("/responses/" + status + "/content/application~1problem+json/schema/$ref").asText())
                    .as("problem of %s", status).isEqualTo("#/components/schemas/Problem");
        }
    }

    @Test
    void theVersionNamesTheMethodologyInForce() throws Exception {
        JsonNode info = new ObjectMapper().readTree(served()).get("info");
        assertThat(info.get("version").asText()).startsWith("1.").endsWith("+methodology." + methodology.version());
    }

    private static String served() {
        return given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString();
    }
}
