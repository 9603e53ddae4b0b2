package dev.ecopulse.research.rest;

import dev.ecopulse.collector.testing.CollectorApiDocument;
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
        value = "ecopulse.research.url"))
class OpenApiDocumentIT {

    static final Path COMMITTED = Path.of("../../docs/api/research-collector.json");

    @Test
    void theServedDocumentIsTheCommittedOne() {
        CommittedOpenApi.assertMatches(CollectorApiDocument.served(), COMMITTED);
    }

    @Test
    void startingARunNeedsTheAdminKeyAndReadingDoesNot() throws Exception {
        CollectorApiDocument.assertDescribesTheAdminApi(CollectorApiDocument.served(), "research-collector");
    }
}
